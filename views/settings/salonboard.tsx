import type { ConnectionHealth, PeerMasters } from "../../src/sync/connections";
import { formatDateTime } from "../../src/lib/jst";
import { Flash } from "../components/flash";
import { CheckboxField, CsrfInput, ErrorSummary, SelectField, TextField, type FormState } from "../components/form";
import { SettingsHeader } from "./index";

export type TestResult = { ok: true; staff: number; coupons: number } | { ok: false; message: string };

const when = (d: Date | null) => (d ? formatDateTime(d) : "まだありません");

/** 設定 → SALON BOARD連携: the connector, 接続テスト and the connection's health. */
export function SalonBoardSettings(props: {
  form: FormState;
  tokenSet: boolean;
  health: ConnectionHealth;
  csrfToken: string;
  flash?: string | null;
  test?: TestResult | null;
}) {
  const { form, health, test } = props;
  return (
    <section class="panel">
      <SettingsHeader title="SALON BOARD連携" />
      <h1>SALON BOARD連携</h1>
      <Flash message={props.flash} />
      <ErrorSummary form={form} />
      <form method="post" action="/settings/salonboard" novalidate>
        <CsrfInput token={props.csrfToken} />
        <TextField form={form} name="url" label="接続先URL" type="url" required size="long" hint="SALON BOARDコネクタのURL（例：https://sb-gateway.example.jp）" />
        <TextField
          form={form}
          name="token"
          label="トークン"
          type="password"
          autocomplete="off"
          size="long"
          hint={props.tokenSet ? "設定済みです（表示しません）。変更するときだけ入力してください。" : "コネクタの管理者から受け取ったトークンを入力してください。"}
        />
        <CheckboxField form={form} name="enabled" label="予約連携を行う" />
        <div class="form-actions">
          <button type="submit" class="primary">
            保存
          </button>
        </div>
      </form>

      <h2>接続テスト</h2>
      <form method="post" action="/settings/salonboard/test" class="inline">
        <CsrfInput token={props.csrfToken} />
        <button type="submit">接続テスト</button>
      </form>
      {test && (
        <p class={test.ok ? "alert success" : "alert error"} role="status">
          {test.ok ? `接続できました。スタッフ${test.staff}件、クーポン${test.coupons}件を取得しました。` : `接続できませんでした：${test.message}`}
        </p>
      )}
      <p>
        <a href="/settings/salonboard/mapping">スタッフ・クーポンの紐付け</a>
      </p>

      <h2>連携の状態</h2>
      <dl class="details">
        <dt>最後に送信できた日時</dt>
        <dd>{when(health.lastPushAt)}</dd>
        <dt>最後に受信した日時</dt>
        <dd>{when(health.lastPullAt)}</dd>
        <dt>送信待ち</dt>
        <dd>{health.backlog}件</dd>
        <dt>最後のエラー</dt>
        <dd>{health.lastError ? `${health.lastError}（${when(health.lastErrorAt)}）` : "ありません"}</dd>
      </dl>
    </section>
  );
}

/** スタッフ・クーポンの紐付け: each of the salon's staff and menus to a SALON BOARD code. */
export function SalonBoardMapping(props: {
  form: FormState;
  masters: PeerMasters | null;
  message: string | null;
  staff: { id: number; name: string }[];
  menus: { id: number; name: string }[];
  csrfToken: string;
  flash?: string | null;
}) {
  const { form, masters } = props;
  return (
    <section class="panel">
      <SettingsHeader title="スタッフ・クーポンの紐付け" />
      <h1>スタッフ・クーポンの紐付け</h1>
      <Flash message={props.flash} />
      {!masters ? (
        <p class="alert error">SALON BOARDからスタッフとクーポンを取得できませんでした：{props.message}</p>
      ) : (
        <form method="post" action="/settings/salonboard/mapping" novalidate>
          <CsrfInput token={props.csrfToken} />
          <ErrorSummary form={form} />
          <fieldset class="group">
            <legend>スタッフ</legend>
            {props.staff.map((s) => (
              <SelectField form={form} name={`staff-${s.id}`} label={s.name} blank="紐付けない" options={masters.staff.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))} />
            ))}
          </fieldset>
          <fieldset class="group">
            <legend>クーポン・メニュー</legend>
            {props.menus.map((m) => (
              <SelectField form={form} name={`menus-${m.id}`} label={m.name} blank="紐付けない" options={masters.coupons.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))} />
            ))}
          </fieldset>
          <div class="form-actions">
            <a href="/settings/salonboard">戻る</a>
            <button type="submit" class="primary">
              保存
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
