import { beforeEach, describe, expect, it } from "vitest";
import { ORIGIN, PASSWORD, setupWorld, type TestWorld } from "../fixtures";

let world: TestWorld;
beforeEach(async () => {
  world = await setupWorld();
});

const aidaCapacity = (w: TestWorld) =>
  (w.db.$client.prepare("SELECT capacity FROM staff WHERE id = ?").get(w.fx.staff.aida.id) as { capacity: number }).capacity;

const staffForm = { name: "相田", kana: "アイダ", capacity: 5, displayOrder: 1, active: true };

describe("cross-site request forgery", () => {
  it("accepts the same change from our own page", async () => {
    const b = await world.browser("admin");
    const res = await b.post(`/settings/staff/${world.fx.staff.aida.id}`, staffForm);
    expect(res.status).toBe(303);
    expect(aidaCapacity(world)).toBe(5);
  });

  it("refuses a form posted from another site, even with the right token", async () => {
    const b = await world.browser("admin");
    const evil = await b.post(`/settings/staff/${world.fx.staff.aida.id}`, staffForm, { Origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(await evil.text()).toContain("不正なリクエストのため処理を中止しました。");
    const fetchMeta = await b.post(`/settings/staff/${world.fx.staff.aida.id}`, staffForm, { "Sec-Fetch-Site": "cross-site" });
    expect(fetchMeta.status).toBe(403);
    const sameSite = await b.post(`/settings/staff/${world.fx.staff.aida.id}`, staffForm, { "Sec-Fetch-Site": "same-site" });
    expect(sameSite.status).toBe(403);
    expect(aidaCapacity(world)).toBe(2);
  });

  it("refuses a post that names no origin at all", async () => {
    const b = await world.browser("admin");
    const body = new URLSearchParams({ _csrf: b.csrfToken(), name: "相田", kana: "アイダ", capacity: "5", displayOrder: "1" });
    const res = await b.request(`/settings/staff/${world.fx.staff.aida.id}`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(403);
    expect(aidaCapacity(world)).toBe(2);
  });

  it("refuses a same-origin post without the session's token, or with another session's", async () => {
    const b = await world.browser("admin");
    const other = await world.browser("frontdesk");
    for (const token of ["", "forged", other.csrfToken()]) {
      const body = new URLSearchParams({ _csrf: token, name: "相田", kana: "アイダ", capacity: "5", displayOrder: "1" });
      const res = await b.request(`/settings/staff/${world.fx.staff.aida.id}`, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
      });
      expect(res.status, `token "${token}"`).toBe(403);
    }
    expect(aidaCapacity(world)).toBe(2);
  });

  it("checks htmx requests and non-form bodies too, which hono's csrf() would let through", async () => {
    const b = await world.browser("admin");
    for (const type of ["application/json", "text/plain", ""]) {
      const headers: Record<string, string> = { Origin: ORIGIN, "HX-Request": "true" };
      if (type) headers["Content-Type"] = type;
      const res = await b.request(`/settings/staff/${world.fx.staff.aida.id}`, { method: "POST", body: "{}", headers });
      expect(res.status, type || "no content type").toBe(403);
    }
    // With the token in the header, as htmx sends it from <body hx-headers>, it passes.
    const ok = await b.request(`/settings/staff/${world.fx.staff.aida.id}`, {
      method: "POST",
      body: new URLSearchParams({ name: "相田", kana: "アイダ", capacity: "4", displayOrder: "1", active: "1" }),
      headers: { Origin: ORIGIN, "HX-Request": "true", "X-CSRF-Token": b.csrfToken(), "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(ok.status).toBe(303);
    expect(aidaCapacity(world)).toBe(4);
  });

  it("refuses other unsafe methods from another site", async () => {
    const b = await world.browser("admin");
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await b.request(`/settings/staff/${world.fx.staff.aida.id}`, { method, headers: { Origin: "https://evil.example" } });
      expect(res.status, method).toBe(403);
    }
  });

  it("refuses a sign-in posted from another site (login CSRF)", async () => {
    const b = await world.browser();
    const res = await b.post("/login", { loginId: "admin", password: PASSWORD }, { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(b.token).toBeNull();
  });

  it("puts the token in every page for forms and htmx", async () => {
    const b = await world.browser("admin");
    const html = await (await b.get(`/settings/staff/${world.fx.staff.aida.id}/edit`)).text();
    const token = b.csrfToken();
    expect(token.length).toBeGreaterThan(30);
    expect(html).toContain(`name="_csrf" value="${token}"`);
    expect(html).toContain(`hx-headers="{&quot;X-CSRF-Token&quot;:&quot;${token}&quot;}"`);
  });
});
