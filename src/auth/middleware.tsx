import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { ErrorMessage } from "../../views/errors";
import type { AppEnv } from "../context";
import { isHtmx, renderPage } from "../lib/render";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Requests made by polling (the alert, お知らせ counts) do not count as activity. */
export const BACKGROUND_HEADER = "X-Background";

export function clientIp(c: Context<AppEnv>): string {
  const { config } = c.get("deps");
  if (config.trustProxy) {
    const forwarded = c.req.header("X-Forwarded-For")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no socket unless one is given
  }
}

export function isHttps(c: Context<AppEnv>): boolean {
  const { config } = c.get("deps");
  if (config.publicOrigin) return config.publicOrigin.startsWith("https:");
  if (config.trustProxy && c.req.header("X-Forwarded-Proto") === "https") return true;
  return new URL(c.req.url).protocol === "https:";
}

function expectedOrigin(c: Context<AppEnv>): string {
  const { config } = c.get("deps");
  if (config.publicOrigin) return config.publicOrigin;
  const host = c.req.header("Host") ?? new URL(c.req.url).host;
  return `${isHttps(c) ? "https" : "http"}://${host}`;
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const cookie = c.get("deps").auth.lucia.createSessionCookie(token);
  // A browser-session cookie: the server enforces the idle and absolute limits.
  cookie.attributes.maxAge = undefined;
  cookie.attributes.secure = isHttps(c);
  c.header("Set-Cookie", cookie.serialize(), { append: true });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const cookie = c.get("deps").auth.lucia.createBlankSessionCookie();
  cookie.attributes.secure = isHttps(c);
  c.header("Set-Cookie", cookie.serialize(), { append: true });
}

export function sessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, c.get("deps").auth.cookieName);
}

/** Finds who is signed in (if anyone) and keeps their session alive. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("user", null);
  c.set("session", null);
  const token = sessionToken(c);
  if (token) {
    const { user, session } = await c.get("deps").auth.validate(token, {
      touch: c.req.header(BACKGROUND_HEADER) !== "1",
    });
    if (session) {
      c.set("user", user);
      c.set("session", session);
    } else {
      clearSessionCookie(c);
    }
  }
  await next();
};

function forbidden(c: Context<AppEnv>, message: string) {
  return renderPage(c, { title: "エラー", status: 403 }, <ErrorMessage title="操作できません" message={message} />);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF protection for every state-changing request, whatever its content type (Hono's
 * csrf() looks at form content types only). Two checks: the request must come from our
 * own origin (Sec-Fetch-Site, else Origin), and a signed-in user's request must carry
 * the session's token, in the X-CSRF-Token header (htmx) or the _csrf field (forms).
 */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const refused = "不正なリクエストのため処理を中止しました。ページを再読み込みしてから、もう一度お試しください。";

  const site = c.req.header("Sec-Fetch-Site");
  const origin = c.req.header("Origin");
  const sameOrigin = site ? site === "same-origin" : origin === expectedOrigin(c);
  if (!sameOrigin) return forbidden(c, refused);

  const session = c.get("session");
  if (session) {
    let token = c.req.header("X-CSRF-Token");
    const type = c.req.header("Content-Type") ?? "";
    if (!token && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
      const field = (await c.req.parseBody())["_csrf"];
      token = typeof field === "string" ? field : undefined;
    }
    if (!token || !sameToken(token, session.csrfToken)) return forbidden(c, refused);
  }
  return next();
};

/** Every page but the sign-in page needs a signed-in user. */
export const requireSignedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("user")) {
    const target = c.req.method === "GET" ? c.req.path + (new URL(c.req.url).search || "") : "/";
    const login = `/login?next=${encodeURIComponent(target)}`;
    if (isHtmx(c)) {
      c.header("HX-Redirect", login);
      return c.body(null, 401);
    }
    return c.redirect(login, 302);
  }
  c.header("Cache-Control", "no-store");
  await next();
};

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get("user")?.role !== "admin") return forbidden(c, "この画面は管理者のみ利用できます。");
  await next();
};
