import type { Child } from "hono/jsx";
import type { CurrentUser } from "../src/context";

export interface LayoutProps {
  appName: string;
  title: string;
  user: CurrentUser | null;
  csrfToken: string | null;
  /** The sidebar entry to mark as the current page. */
  nav?: NavKey;
  children: Child;
}

export type NavKey = "home" | "schedule" | "reservations" | "customers" | "notices" | "settings";

// htmx under a strict CSP: no inline indicator styles, no eval; 422 responses (forms
// with errors) are swapped like 200s so the form re-renders with its messages.
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  responseHandling: [
    { code: "204", swap: false },
    { code: "304", swap: false },
    { code: "[23]..", swap: true },
    { code: "422", swap: true },
    { code: "[45]..", swap: false, error: true },
  ],
});

interface NavItem {
  key: NavKey;
  label: string;
  href: string;
  adminOnly?: boolean;
  /** Entries of one group are listed under its heading, as in the manual's sidebar. */
  group?: string;
}

const NAV: NavItem[] = [
  { key: "home", label: "ホーム", href: "/" },
  { key: "schedule", label: "スケジュール", href: "/schedule", group: "予約管理" },
  { key: "reservations", label: "予約一覧", href: "/reservations", group: "予約管理" },
  { key: "customers", label: "お客様管理", href: "/customers" },
  { key: "notices", label: "お知らせ", href: "/notices" },
  { key: "settings", label: "設定", href: "/settings", adminOnly: true },
];

export function Layout(props: LayoutProps) {
  const { user } = props;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <title>{`${props.title} | ${props.appName}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/htmx-2.0.11.min.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body hx-headers={props.csrfToken ? JSON.stringify({ "X-CSRF-Token": props.csrfToken }) : undefined}>
        <a class="skip-link" href="#main">本文へ移動</a>
        <header class="app-header">
          <a class="brand" href="/">
            {props.appName}
          </a>
          {user && (
            <nav class="header-nav" aria-label="ヘッダー">
              <a href="/">ホーム</a>
              <span class="who">
                {user.displayName}（{user.role === "admin" ? "管理者" : "スタッフ"}）
              </span>
              <form method="post" action="/logout" class="inline">
                <input type="hidden" name="_csrf" value={props.csrfToken ?? ""} />
                <button type="submit" class="link-button">
                  ログアウト
                </button>
              </form>
            </nav>
          )}
        </header>
        <div class={user ? "app-body" : "app-body anonymous"}>
          {user && (
            <nav class="sidebar" aria-label="メニュー">
              <ul>
                {NAV.filter((item) => !item.adminOnly || user.role === "admin").map((item, i, items) => (
                  <>
                    {item.group && item.group !== items[i - 1]?.group && (
                      <li class="group" aria-hidden="true">
                        {item.group}
                      </li>
                    )}
                    <li class={item.group ? "in-group" : undefined}>
                      <a href={item.href} aria-current={item.key === props.nav ? "page" : undefined}>
                        {item.label}
                      </a>
                    </li>
                  </>
                ))}
              </ul>
            </nav>
          )}
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}
