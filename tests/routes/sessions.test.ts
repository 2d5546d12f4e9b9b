import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "../../src/auth/lucia";
import { loginFailures, sessions } from "../../src/db/schema";
import { PASSWORD, setupWorld, type TestWorld } from "../fixtures";

let world: TestWorld;
beforeEach(async () => {
  world = await setupWorld();
});

describe("signing in", () => {
  it("signs staff in with the right password and shows the home page of their salon", async () => {
    const b = await world.browser();
    const res = await b.login("admin", PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^tsunagu_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure"); // plain http on loopback
    expect(cookie).not.toContain("Max-Age");

    const home = await b.get("/");
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("ホーム（デモサロン）");
    expect(html).toContain("2025.04.01 16:23 時点");
    expect(html).toContain("ログアウト");
  });

  it("stores only the SHA-256 of the session token", async () => {
    const b = await world.browser("admin");
    const rows = world.db.select().from(sessions).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(b.token!));
    expect(JSON.stringify(rows)).not.toContain(b.token!);
  });

  it("marks the cookie Secure when served over HTTPS", async () => {
    const https = await setupWorld({ PUBLIC_ORIGIN: "https://salon.example.jp" });
    const b = await https.browser();
    const res = await b.login("admin", PASSWORD.toString());
    // The public origin is https, so the request's own Origin (http://localhost) is refused...
    expect(res.status).toBe(403);
    const ok = await b.request("/login", {
      method: "POST",
      body: new URLSearchParams({ loginId: "admin", password: PASSWORD }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://salon.example.jp" },
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Set-Cookie")).toContain("Secure");
  });

  it("answers a wrong password and an unknown login id with the same Japanese message", async () => {
    const b = await world.browser();
    const wrong = await b.login("admin", "wrong-password-1");
    const unknown = await b.login("nobody", "wrong-password-1");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = "ログインIDまたはパスワードが正しくありません。";
    const wrongHtml = await wrong.text();
    const unknownHtml = await unknown.text();
    expect(wrongHtml).toContain(message);
    expect(unknownHtml.replace('value="nobody"', 'value="admin"')).toBe(wrongHtml);
    expect(b.token).toBeNull();
    expect(world.db.select().from(sessions).all()).toHaveLength(0);
  });

  it("accepts the login id typed in full-width or capitals", async () => {
    const b = await world.browser();
    expect((await b.login("ＡＤＭＩＮ", PASSWORD)).status).toBe(303);
  });

  it("refuses a deactivated user", async () => {
    world.db.$client.prepare("UPDATE users SET active = 0 WHERE login_id = 'frontdesk'").run();
    const b = await world.browser();
    const res = await b.login("frontdesk", PASSWORD);
    expect(res.status).toBe(401);
  });

  it("starts a new session at every sign-in and ends the one the browser had", async () => {
    const b = await world.browser("admin");
    const first = b.token!;
    await b.login("admin", PASSWORD);
    expect(b.token).not.toBe(first);
    const stale = await b.get("/", { Cookie: `tsunagu_session=${first}` });
    expect(stale.status).toBe(302);
    expect(stale.headers.get("Location")).toBe("/login?next=%2F");
    expect(world.db.select().from(sessions).all()).toHaveLength(1);
  });

  it("returns to the page asked for, but never to another site", async () => {
    const b = await world.browser();
    const inside = await b.post("/login", { loginId: "admin", password: PASSWORD, next: "/settings/staff" });
    expect(inside.headers.get("Location")).toBe("/settings/staff");
    const outside = await b.post("/login", { loginId: "admin", password: PASSWORD, next: "//evil.example/" });
    expect(outside.headers.get("Location")).toBe("/");
  });
});

describe("the sign-in throttle", () => {
  it("locks a login id from one address after 10 failures in 3 minutes, even with the right password", async () => {
    const b = await world.browser();
    for (let i = 0; i < 10; i++) expect((await b.login("admin", `wrong-${i}-password`)).status).toBe(401);
    const locked = await b.login("admin", PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("ログインに続けて失敗したため、一時的にログインできません。");
    expect(b.token).toBeNull();

    // Another terminal (address) is not locked out by this one.
    const other = await world.browser(undefined, "192.0.2.99");
    expect((await other.login("admin", PASSWORD)).status).toBe(303);

    world.clock.advanceMinutes(3);
    expect((await b.login("admin", PASSWORD)).status).toBe(303);
    expect(world.db.select().from(loginFailures).where(eq(loginFailures.loginId, "admin")).all()).toHaveLength(0);
  });

  it("throttles an unknown login id exactly like a known one", async () => {
    const b = await world.browser();
    for (let i = 0; i < 10; i++) await b.login("nobody", `wrong-${i}-password`);
    const res = await b.login("nobody", "anything-else");
    expect(res.status).toBe(429);
  });

  it("counts only failures within the last 3 minutes", async () => {
    const b = await world.browser();
    for (let i = 0; i < 9; i++) await b.login("admin", `wrong-${i}-password`);
    world.clock.advanceMinutes(4);
    for (let i = 0; i < 9; i++) await b.login("admin", `wrong-${i}-password`);
    expect((await b.login("admin", PASSWORD)).status).toBe(303);
  });
});

describe("signing out and session lifetime", () => {
  it("ends the session on ログアウト", async () => {
    const b = await world.browser("admin");
    const token = b.token!;
    const res = await b.post("/logout");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/login");
    expect(b.token).toBeNull();
    expect(world.db.select().from(sessions).all()).toHaveLength(0);
    const again = await b.get("/", { Cookie: `tsunagu_session=${token}` });
    expect(again.status).toBe(302);
  });

  it("signs out after 60 idle minutes", async () => {
    const b = await world.browser("admin");
    world.clock.advanceMinutes(59);
    expect((await b.get("/")).status).toBe(200);
    world.clock.advanceMinutes(59); // 59 idle minutes since the last page
    expect((await b.get("/")).status).toBe(200);
    world.clock.advanceMinutes(61);
    const res = await b.get("/");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?next=%2F");
    expect(world.db.select().from(sessions).all()).toHaveLength(0);
  });

  it("does not count background polling as activity", async () => {
    const b = await world.browser("admin");
    for (let i = 0; i < 7; i++) {
      world.clock.advanceMinutes(10);
      await b.get("/", { "X-Background": "1" });
    }
    expect((await b.get("/")).status).toBe(302);
  });

  it("ends even an active session after 12 hours", async () => {
    const b = await world.browser("admin");
    for (let i = 0; i < 24; i++) {
      world.clock.advanceMinutes(30);
      const res = await b.get("/");
      expect(res.status, `after ${(i + 1) * 30} minutes`).toBe(i < 23 ? 200 : 302);
    }
  });

  it("honours configured lifetimes", async () => {
    const short = await setupWorld({ SESSION_IDLE_MINUTES: "5", SESSION_LIFETIME_HOURS: "1" });
    const b = await short.browser("admin");
    short.clock.advanceMinutes(6);
    expect((await b.get("/")).status).toBe(302);
  });

  it("marks signed-in pages no-store", async () => {
    const b = await world.browser("admin");
    const res = await b.get("/");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    expect(res.headers.get("Content-Security-Policy")).not.toContain("unsafe-inline");
    expect(res.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
  });
});
