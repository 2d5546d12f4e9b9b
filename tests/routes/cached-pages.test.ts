import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { book, setupWorld, type TestBrowser, type TestWorld } from "../fixtures";

// The schedule and 予約一覧 are rendered once per change of the salon's data and kept
// (src/lib/fragment-cache.ts). These tests hold them to showing every change at once.

let world: TestWorld;
let desk: TestBrowser;
beforeEach(async () => {
  world = await setupWorld();
  desk = await world.browser("frontdesk");
});

const page = async (b: TestBrowser, path: string) => (await b.get(path)).text();
const sql = (statement: string, ...params: unknown[]) => world.db.$client.prepare(statement).run(...params);

describe("cached schedule and 予約一覧", () => {
  it("show a change made outside the app's own code at once (a customer renamed in the database)", async () => {
    book(world);
    expect(await page(desk, "/schedule?date=2025-04-02")).toContain("菊池 知亮様");
    expect(await page(desk, "/reservations?from=2025-04-02")).toContain("菊池 知亮");
    sql("UPDATE customers SET last_name = '菊地' WHERE id = ?", world.fx.customers.kikuchi.id);
    expect(await page(desk, "/schedule?date=2025-04-02")).toContain("菊地 知亮様");
    expect(await page(desk, "/schedule/grid?date=2025-04-02")).toContain("菊地 知亮様");
    expect(await page(desk, "/reservations?from=2025-04-02")).toContain("菊地 知亮");
  });

  it("show a booking, a stylist's 受付可能数 and closed days as soon as they are saved", async () => {
    const before = await page(desk, "/schedule?date=2025-04-02");
    expect(before).not.toContain("菊池 知亮様");
    const r = book(world);
    expect(await page(desk, "/schedule?date=2025-04-02")).toContain(`href="/reservations/${r.id}"`);
    sql("UPDATE staff SET capacity = 4 WHERE id = ?", world.fx.staff.aida.id);
    expect(await page(desk, "/schedule?date=2025-04-02")).toMatch(/相田<span class="cap">受付可能数:4<\/span>/);
    sql("UPDATE salon_hours SET is_open = 0 WHERE salon_id = ? AND weekday = 3", world.fx.salons.demo.id);
    expect(await page(desk, "/schedule?date=2025-04-02")).toContain("水曜日は定休日です。");
  });

  it("show today's new booking on ホーム at once", async () => {
    expect(await page(desk, "/")).toContain("本日の予約はありません。");
    book(world, { date: "2025-04-01", startMinute: 17 * 60 });
    const html = await page(desk, "/");
    expect(html).toContain("菊池 知亮 様");
    expect(html).not.toContain("本日の予約はありません。");
  });

  it("move the 時点 on with the clock", async () => {
    expect(await page(desk, "/schedule?date=2025-04-02")).toContain("2025.04.01 16:23 時点");
    world.clock.advanceMinutes(1);
    expect(await page(desk, "/schedule?date=2025-04-02")).toContain("2025.04.01 16:24 時点");
    expect(await page(desk, "/schedule/grid?date=2025-04-02")).toContain("2025.04.01 16:24 時点");
  });

  it("give every signed-in person their own page around the shared grid", async () => {
    book(world);
    const admin = await world.browser("admin");
    const deskPage = await page(desk, "/schedule?date=2025-04-02");
    const adminPage = await page(admin, "/schedule?date=2025-04-02");
    expect(deskPage).toContain("受付（スタッフ）");
    expect(deskPage).toContain(desk.csrfToken());
    expect(deskPage).not.toContain(admin.csrfToken());
    expect(adminPage).toContain("店長（管理者）");
    expect(adminPage).toContain(admin.csrfToken());
    expect(adminPage).not.toContain(desk.csrfToken());
    for (const html of [deskPage, adminPage]) expect(html).toContain("菊池 知亮様");
  });

  it("never show one salon's grid to another", async () => {
    book(world);
    const other = await world.browser("other-admin");
    const html = await page(other, "/schedule?date=2025-04-02");
    expect(html).not.toContain("菊池 知亮様");
    expect(html).not.toContain("相田");
  });

  it("send gzip to a browser that accepts it, the same page unpacked", async () => {
    book(world);
    const plain = await page(desk, "/schedule?date=2025-04-02");
    const res = await desk.get("/schedule?date=2025-04-02", { "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(res.headers.get("Content-Encoding")).toBe("gzip");
    expect(res.headers.get("Vary")).toContain("Accept-Encoding");
    const unpacked = gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8");
    expect(unpacked).toBe(plain);
    expect(unpacked).toContain("菊池 知亮様");
  });
});
