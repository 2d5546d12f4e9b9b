import { beforeEach, describe, expect, it } from "vitest";
import { setupWorld, type TestWorld } from "../fixtures";

let world: TestWorld;
beforeEach(async () => {
  world = await setupWorld();
});

const PAGES = [
  "/",
  "/settings",
  "/settings/salon",
  "/settings/staff",
  "/settings/staff/new",
  "/settings/facilities",
  "/settings/facilities/new",
  "/settings/menus",
  "/settings/menus/new",
  "/settings/plans",
  "/settings/plans/new",
  "/settings/users",
  "/settings/users/new",
];

const recordPages = (w: TestWorld) => [
  `/settings/staff/${w.fx.staff.aida.id}/edit`,
  `/settings/facilities/${w.fx.facilities.booth.id}/edit`,
  `/settings/menus/${w.fx.menus.cutColorTreatment.id}/edit`,
  `/settings/plans/${w.fx.plans.unlimitedCut.id}/edit`,
  `/settings/users/${w.fx.users.staff.id}/edit`,
];

describe("who may see what", () => {
  it("sends an anonymous visitor of every page to the sign-in page", async () => {
    const b = await world.browser();
    for (const path of [...PAGES, ...recordPages(world), "/no-such-page"]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location"), path).toMatch(/^\/login/);
    }
    const login = await b.get("/login");
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("ログイン</button>");
  });

  it("tells htmx to go to the sign-in page instead of swapping it into a fragment", async () => {
    const b = await world.browser();
    const res = await b.get("/settings/staff", { "HX-Request": "true" });
    expect(res.status).toBe(401);
    expect(res.headers.get("HX-Redirect")).toBe("/login?next=%2Fsettings%2Fstaff");
  });

  it("refuses an anonymous form post without saving it", async () => {
    const b = await world.browser();
    const res = await b.post(`/settings/staff/${world.fx.staff.aida.id}`, { name: "乗っ取り", kana: "ノットリ", capacity: 9, displayOrder: 1 });
    expect(res.status).toBe(302);
    expect(world.db.$client.prepare("SELECT name FROM staff WHERE id = ?").get(world.fx.staff.aida.id)).toEqual({ name: "相田" });
  });

  it("lets an admin open every page", async () => {
    const b = await world.browser("admin");
    for (const path of [...PAGES, ...recordPages(world)]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Cache-Control"), path).toBe("no-store");
    }
  });

  it("gives staff (role) the home page but 403 on every admin setting, read or write", async () => {
    const b = await world.browser("frontdesk");
    const home = await b.get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).not.toContain('href="/settings"');
    for (const path of [...PAGES.filter((p) => p.startsWith("/settings")), ...recordPages(world)]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(403);
      expect(await res.text(), path).toContain("この画面は管理者のみ利用できます。");
    }
    const post = await b.post(`/settings/staff/${world.fx.staff.aida.id}`, { name: "相田", kana: "アイダ", capacity: 9, displayOrder: 1, active: true });
    expect(post.status).toBe(403);
    const promote = await b.post(`/settings/users/${world.fx.users.staff.id}`, { displayName: "受付", role: "admin", active: true });
    expect(promote.status).toBe(403);
    expect(world.db.$client.prepare("SELECT capacity FROM staff WHERE id = ?").get(world.fx.staff.aida.id)).toEqual({ capacity: 2 });
    expect(world.db.$client.prepare("SELECT role FROM users WHERE id = ?").get(world.fx.users.staff.id)).toEqual({ role: "staff" });
  });

  it("gives an admin of salon A 404 for every object of salon B, and changes nothing", async () => {
    const b = await world.browser("admin");
    const { fx } = world;
    const foreign: [string, number, Record<string, string | number | boolean>][] = [
      ["staff", fx.staff.otherStylist.id, { name: "x", kana: "エックス", capacity: 1, displayOrder: 0, active: true }],
      ["facilities", fx.facilities.otherBooth.id, { name: "x", capacity: 1, displayOrder: 0, active: true }],
      ["menus", fx.menus.otherCut.id, { name: "x", durationMin: 60, price: 1, displayOrder: 0, active: true }],
      ["plans", fx.plans.otherPlan.id, { name: "x", monthlyPrice: 1, displayOrder: 0, active: true }],
      ["users", fx.users.otherAdmin.id, { displayName: "x", role: "staff", active: true }],
    ];
    for (const [kind, id, fields] of foreign) {
      const page = await b.get(`/settings/${kind}/${id}/edit`);
      expect(page.status, kind).toBe(404);
      expect(await page.text()).toContain("お探しのデータは存在しないか、削除されました。");
      const post = await b.post(`/settings/${kind}/${id}`, fields);
      expect(post.status, kind).toBe(404);
    }
    const snapshot = world.db.$client.prepare("SELECT name FROM staff WHERE id = ?").get(fx.staff.otherStylist.id);
    expect(snapshot).toEqual({ name: "外山" });
    expect(world.db.$client.prepare("SELECT role FROM users WHERE id = ?").get(fx.users.otherAdmin.id)).toEqual({ role: "admin" });
    for (const path of ["/settings/staff/abc/edit", "/settings/staff/0/edit", "/settings/staff/1e3/edit"]) {
      expect((await b.get(path)).status, path).toBe(404);
    }
  });

  it("lists only the signed-in salon's records", async () => {
    const b = await world.browser("admin");
    const html = await (await b.get("/settings/staff")).text();
    expect(html).toContain("相田");
    expect(html).not.toContain("外山");
    const users = await (await b.get("/settings/users")).text();
    expect(users).toContain("frontdesk");
    expect(users).not.toContain("other-admin");
    const salon = await (await b.get("/settings/salon")).text();
    expect(salon).toContain('value="デモサロン"');
  });
});

describe("static files", () => {
  it("serves the pinned htmx 2.0.11 and the stylesheet without signing in", async () => {
    const b = await world.browser();
    const htmx = await b.get("/static/htmx-2.0.11.min.js");
    expect(htmx.status).toBe(200);
    expect(await htmx.text()).toContain('version:"2.0.11"');
    expect(htmx.headers.get("Cache-Control")).toContain("immutable");
    const css = await b.get("/static/app.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("Content-Type")).toContain("text/css");
    expect((await b.get("/static/../package.json")).status).not.toBe(200);
  });
});
