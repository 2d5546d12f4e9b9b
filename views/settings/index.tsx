const SECTIONS = [
  { href: "/settings/salon", label: "サロン情報", note: "サロン名・営業時間・予約枠・受付可能数" },
  { href: "/settings/staff", label: "スタッフ", note: "スタッフ・受付可能数・SALON BOARDコード" },
  { href: "/settings/facilities", label: "設備", note: "サロンブースなどの設備と受付可能数" },
  { href: "/settings/menus", label: "クーポン・メニュー", note: "メニュー・所要時間・料金" },
  { href: "/settings/plans", label: "定額プラン", note: "定額プランと月額料金" },
  { href: "/settings/salonboard", label: "SALON BOARD連携", note: "接続先・接続テスト・スタッフとクーポンの紐付け・連携の状態" },
  { href: "/settings/users", label: "ユーザー", note: "ログインID・権限" },
  { href: "/settings/deletions", label: "お客様の削除履歴", note: "いつ・誰が・何件・どのお客様番号を削除したか" },
];

export function SettingsIndex() {
  return (
    <section class="panel">
      <h1>設定</h1>
      <ul class="settings-index">
        {SECTIONS.map((s) => (
          <li>
            <a href={s.href}>{s.label}</a>
            <span class="note">{s.note}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SettingsHeader({ title, back = true }: { title: string; back?: boolean }) {
  return (
    <nav class="breadcrumbs" aria-label="パンくずリスト">
      <a href="/settings">設定</a>
      {back && <span aria-hidden="true"> › </span>}
      {back && <span aria-current="page">{title}</span>}
    </nav>
  );
}
