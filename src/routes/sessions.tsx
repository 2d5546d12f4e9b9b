import { Hono } from "hono";
import { LoginPage } from "../../views/sessions/login";
import { emptyForm } from "../../views/components/form";
import { clearSessionCookie, clientIp, sessionToken, setSessionCookie } from "../auth/middleware";
import type { AppEnv } from "../context";
import { readForm } from "../lib/form";
import { renderPage } from "../lib/render";

/** Only same-site paths: `next` must never send a user to another site after sign-in. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

const MESSAGES = {
  invalid: "ログインIDまたはパスワードが正しくありません。",
  throttled: "ログインに続けて失敗したため、一時的にログインできません。3分ほど待ってから、もう一度お試しください。",
} as const;

export const sessionRoutes = new Hono<AppEnv>()
  .get("/login", (c) => {
    if (c.get("user")) return c.redirect("/", 302);
    const next = safeNext(c.req.query("next"));
    return renderPage(c, { title: "ログイン" }, <LoginPage appName={c.get("deps").config.appName} form={emptyForm()} next={next} />);
  })
  .post("/login", async (c) => {
    const values = await readForm(c);
    const next = safeNext(values.next);
    const result = await c.get("deps").auth.signIn({ loginId: values.loginId ?? "", password: values.password ?? "", ip: clientIp(c) });
    if (!result.ok) {
      const form = emptyForm({ loginId: values.loginId ?? "" });
      const page = <LoginPage appName={c.get("deps").config.appName} form={form} message={MESSAGES[result.reason]} next={next} />;
      return renderPage(c, { title: "ログイン", status: result.reason === "throttled" ? 429 : 401 }, page);
    }
    // A new session at every sign-in; the one the browser had (if any) ends.
    const previous = sessionToken(c);
    if (previous) await c.get("deps").auth.signOut(previous);
    setSessionCookie(c, result.token);
    return c.redirect(next, 303);
  })
  .post("/logout", async (c) => {
    const token = sessionToken(c);
    if (token) await c.get("deps").auth.signOut(token);
    clearSessionCookie(c);
    return c.redirect("/login", 303);
  });
