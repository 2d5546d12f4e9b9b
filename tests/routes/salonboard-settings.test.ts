import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupWorld, type TestBrowser, type TestWorld } from "../fixtures";
import { PEER_TOKEN, startPeer, type TestPeer } from "../peer";

let world: TestWorld;
let admin: TestBrowser;
let peer: TestPeer;
beforeEach(async () => {
  world = await setupWorld();
  admin = await world.browser("admin");
  peer = await startPeer(world);
});
afterEach(() => peer.close());

const one = (sql: string, ...params: unknown[]) => world.db.$client.prepare(sql).get(...params) as Record<string, unknown>;
const page = async (path: string) => (await admin.get(path)).text();

describe("設定 → SALON BOARD連携", () => {
  it("is for admins only, and never shows the token back", async () => {
    const html = await page("/settings/salonboard");
    expect(html).toContain("<h1>SALON BOARD連携</h1>");
    expect(html).toContain(`value="${peer.url}"`);
    expect(html).not.toContain(PEER_TOKEN);
    expect(html).toContain("設定済みです（表示しません）。");
    const desk = await world.browser("frontdesk");
    expect((await desk.get("/settings/salonboard")).status).toBe(403);
    expect((await desk.post("/settings/salonboard", { url: "http://127.0.0.1:1", token: "x", enabled: true })).status).toBe(403);
  });

  it("answers a bad URL in Japanese and keeps the token when it is left blank", async () => {
    const bad = await admin.post("/settings/salonboard", { url: "ftp://example", token: "", enabled: true });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("接続先URLは「http://」または「https://」から始まる形で入力してください。");
    world.db.$client.prepare("UPDATE salonboard_connections SET cursor = '42'").run();
    const ok = await admin.post("/settings/salonboard", { url: `${peer.url}/`, token: "", enabled: true });
    expect(ok.status).toBe(303);
    expect(one("SELECT url, token, cursor, enabled FROM salonboard_connections")).toEqual({ url: peer.url, token: PEER_TOKEN, cursor: "42", enabled: 1 });
    await admin.post("/settings/salonboard", { url: "http://127.0.0.1:9", token: "new-token", enabled: false });
    expect(one("SELECT url, token, cursor, enabled FROM salonboard_connections")).toEqual({ url: "http://127.0.0.1:9", token: "new-token", cursor: null, enabled: 0 });
  });

  it("tests the connection and says what it found, or why not", async () => {
    const ok = await (await admin.post("/settings/salonboard/test")).text();
    expect(ok).toContain("接続できました。スタッフ2件、クーポン1件を取得しました。");
    world.db.$client.prepare("UPDATE salonboard_connections SET token = 'wrong'").run();
    const wrong = await (await admin.post("/settings/salonboard/test")).text();
    expect(wrong).toContain("接続できませんでした：SALON BOARDの認証情報が正しくありません");
  });

  it("shows the connection's health: last push and pull, backlog and last error", async () => {
    peer.running.sim.setCapacity(0, "2025-04-02T11:00");
    await admin.post("/reservations", { customerId: world.fx.customers.kikuchi.id, staffId: world.fx.staff.aida.id, menuId: world.fx.menus.cutColorTreatment.id, date: "2025-04-02", time: "14:00", route: "電話" });
    expect(await page("/settings/salonboard")).toMatch(/<dt>送信待ち<\/dt><dd>1件<\/dd>/);
    await peer.push();
    await peer.pull();
    const html = await page("/settings/salonboard");
    expect(html).toMatch(/<dt>送信待ち<\/dt><dd>0件<\/dd>/);
    expect(html).toContain("<dt>最後に送信できた日時</dt><dd>2025/04/01 16:23</dd>");
    expect(html).toContain("<dt>最後に受信した日時</dt><dd>2025/04/01 16:23</dd>");
  });

  it("links staff and menus to SALON BOARD's codes, refusing unknown and doubled codes", async () => {
    const form = await page("/settings/salonboard/mapping");
    expect(form).toContain('<option value="S002">S002 井川</option>');
    expect(form).toMatch(/<label for="f-staff-\d+">相田<\/label>/);
    const { aida, igawa } = world.fx.staff;
    const menu = world.fx.menus.cutColorTreatment.id;
    const unknown = await admin.post("/settings/salonboard/mapping", { [`staff-${aida.id}`]: "S777", [`staff-${igawa.id}`]: "S002", [`menus-${menu}`]: "C001" });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("SALON BOARDにスタッフコード「S777」はありません。");
    const doubled = await admin.post("/settings/salonboard/mapping", { [`staff-${aida.id}`]: "S002", [`staff-${igawa.id}`]: "S002", [`menus-${menu}`]: "C001" });
    expect(await doubled.text()).toContain("スタッフコード「S002」は「相田」にも選ばれています。");
    expect(one("SELECT salonboard_code FROM staff WHERE id = ?", aida.id)).toEqual({ salonboard_code: "S001" });
    // A swap in one save.
    const swapped = await admin.post("/settings/salonboard/mapping", { [`staff-${aida.id}`]: "S002", [`staff-${igawa.id}`]: "S001", [`menus-${menu}`]: "" });
    expect(swapped.status).toBe(303);
    expect(one("SELECT salonboard_code FROM staff WHERE id = ?", aida.id)).toEqual({ salonboard_code: "S002" });
    expect(one("SELECT salonboard_code FROM staff WHERE id = ?", igawa.id)).toEqual({ salonboard_code: "S001" });
    expect(one("SELECT salonboard_code FROM menus WHERE id = ?", menu)).toEqual({ salonboard_code: null });
  });
});
