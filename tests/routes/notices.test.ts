import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupWorld, type TestBrowser, type TestWorld } from "../fixtures";
import { startPeer, type TestPeer } from "../peer";

let world: TestWorld;
let desk: TestBrowser;
let peer: TestPeer;

async function setup(env: Record<string, string> = {}) {
  world = await setupWorld(env);
  desk = await world.browser("frontdesk");
  peer = await startPeer(world);
}
afterEach(() => peer.close());

const q = (sql: string, ...params: unknown[]) => world.db.$client.prepare(sql).all(...params) as Record<string, unknown>[];
const one = (sql: string, ...params: unknown[]) => q(sql, ...params)[0];
const html = async (path: string, b: TestBrowser = desk) => (await b.get(path)).text();

/** A reservation booked at the desk that SALON BOARD refuses: its slot is full there. */
async function outboundFailure() {
  peer.running.sim.setCapacity(0, "2025-04-02T11:00");
  const res = await desk.post("/reservations", {
    customerId: world.fx.customers.kikuchi.id,
    staffId: world.fx.staff.aida.id,
    menuId: world.fx.menus.cutColorTreatment.id,
    date: "2025-04-02",
    time: "11:00",
    route: "電話",
  });
  expect(res.status).toBe(303);
  await peer.push();
  const r = one("SELECT id, number FROM reservations") as { id: number; number: number };
  const n = one("SELECT id FROM notices") as { id: number };
  return { reservation: r, noticeId: n.id };
}

describe("an outbound failure, as the manual walks through it", () => {
  beforeEach(() => setup());

  it("shows on ホーム with its count and opens from お知らせ一覧を表示", async () => {
    await outboundFailure();
    const home = await html("/");
    expect(home).toContain("TsunaguからSALON BOARDへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。(1件)");
    expect(home).toContain('<a href="/notices">お知らせ一覧を表示</a>');
    const list = await html("/notices");
    expect(list).toContain('<span class="alert-mark" role="img" aria-label="未対応">!</span>');
    expect(list).toContain("2025/4/1");
    expect(list).toContain("未対応");
  });

  it("says the reason, 予約番号 and 予約日時 in the seed's words", async () => {
    const { reservation, noticeId } = await outboundFailure();
    const detail = await html(`/notices/${noticeId}`);
    for (const line of [
      "2025/4/1 16:23",
      "<p>TsunaguからSALON BOARDへの予約連携に失敗しました。</p>",
      "<p>---予約受付可能数を超えています</p>",
      `<p>予約番号:${reservation.number}</p>`,
      "<p>予約日時:2025-04-02 11:00</p>",
      '<a class="button" href="/reservations?from=&amp;sync=failed">予約一覧へ</a>',
      ">予約を転記しました</button>",
    ]) {
      expect(detail).toContain(line);
    }
    const failed = await html("/reservations?from=&sync=failed");
    expect(failed).toContain("全1件");
    expect(failed).toContain("失敗（予約受付可能数を超えています）");
  });

  it("予約を転記しました resolves it: who and when are recorded, the alert is gone, it is never pushed again", async () => {
    const { reservation, noticeId } = await outboundFailure();
    world.clock.advanceMinutes(5);
    const res = await desk.post(`/notices/${noticeId}/resolution`);
    expect(res.status).toBe(303);
    expect(one("SELECT resolved_at, resolved_by, resolution FROM notices")).toEqual({
      resolved_at: new Date("2025-04-01T16:28:00+09:00").getTime(),
      resolved_by: world.fx.users.staff.id,
      resolution: "transcribed",
    });
    expect(await html(`/notices/${noticeId}`)).toContain("対応済：2025/04/01 16:28 受付（予約を転記しました）");
    expect(await html("/")).toContain("新しいお知らせはありません。");
    expect(await html("/schedule?date=2025-04-02")).not.toContain("sync-alert blink");
    // Changing it later does not push it: SALON BOARD already holds the hand-typed copy.
    await desk.post(`/reservations/${reservation.id}/memo`, { visitMemo: "x" });
    expect(q("SELECT * FROM sync_outbox")).toEqual([]);
  });

  it("予約転記済チェック + 変更する resolves it too, and the × stays on the badge", async () => {
    const { reservation } = await outboundFailure();
    const schedule = await html("/schedule?date=2025-04-02");
    expect(schedule).toContain('class="sync-alert blink"');
    expect(schedule).toContain('<span class="sync-x" role="img" aria-label="連携失敗">×</span>');
    const window = await html(`/reservations/${reservation.id}/window`);
    expect(window).toContain('<label for="transcribed-1">予約転記済チェック</label>');
    expect(window).toContain("失敗（予約受付可能数を超えています）");

    const res = await desk.post(`/reservations/${reservation.id}/transcription`, { transcribed: "1" }, { "HX-Request": "true" });
    expect(res.status).toBe(200);
    const partial = await res.text();
    expect(partial.startsWith(`<div id="sync-status-${reservation.id}"`)).toBe(true);
    expect(partial).toContain("予約転記済チェックを保存しました。");
    expect(partial).toMatch(/name="transcribed" value="1" checked=""/);
    expect(one("SELECT resolution, resolved_by FROM notices")).toEqual({ resolution: "checked", resolved_by: world.fx.users.staff.id });
    const after = await html("/schedule?date=2025-04-02");
    expect(after).not.toContain("sync-alert blink");
    expect(after).toContain('<span class="sync-x" role="img" aria-label="連携失敗">×</span>');
  });

  it("polls the alert cheaply: 304 while nothing changed, the new fragment once it did", async () => {
    const { noticeId } = await outboundFailure();
    const first = await desk.get("/notices/alert", { "HX-Request": "true", "X-Background": "1" });
    const etag = first.headers.get("ETag")!;
    expect(await first.text()).toContain("予約連携に失敗した予約があります（1件）");
    const again = await desk.get("/notices/alert", { "HX-Request": "true", "X-Background": "1", "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await desk.post(`/notices/${noticeId}/resolution`);
    const changed = await desk.get("/notices/alert", { "HX-Request": "true", "X-Background": "1", "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(await changed.text()).not.toContain("sync-alert blink");
    const summary = await desk.get("/notices/summary", { "HX-Request": "true", "X-Background": "1" });
    expect(await summary.text()).toContain("新しいお知らせはありません。");
  });

  it("keeps each salon's notices to itself", async () => {
    const { noticeId, reservation } = await outboundFailure();
    const other = await world.browser("other-admin");
    expect((await other.get(`/notices/${noticeId}`)).status).toBe(404);
    expect((await other.post(`/notices/${noticeId}/resolution`)).status).toBe(404);
    expect((await other.post(`/reservations/${reservation.id}/transcription`, { transcribed: "1" })).status).toBe(404);
    expect(await html("/notices", other)).toContain("お知らせはありません。");
    expect(one("SELECT resolved_at FROM notices")).toEqual({ resolved_at: null });
  });
});

describe("an inbound failure: 予約を転記する", () => {
  beforeEach(() => setup());

  async function inboundFailure() {
    const sb = peer.booking({
      startAt: "2025-04-02T15:00",
      durationMin: 120,
      staffCode: "S001",
      couponCode: "C009",
      customer: { nameKana: "ヤマダ ハナコ", nameKanji: "山田 花子", phone: "080-9999-0000", email: null },
      note: "初めての来店",
    });
    await peer.pull();
    const r = one("SELECT id FROM reservations") as { id: number };
    const n = one("SELECT id FROM notices") as { id: number };
    return { sb, reservationId: r.id, noticeId: n.id };
  }

  it("shows the 仮登録 with its start time only, and the notice leads to the prefilled form", async () => {
    const { sb, reservationId, noticeId } = await inboundFailure();
    expect(await html("/")).toContain("SALON BOARDからTsunaguへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。(1件)");
    const detail = await html(`/notices/${noticeId}`);
    expect(detail).toContain("<p>---クーポン（C009）が紐付いていません</p>");
    expect(detail).toContain(`<p>予約番号:${sb.reservationNo}</p>`);
    expect(detail).toContain("<p>予約日時:2025-04-02 15:00</p>");
    expect(detail).toContain(`<a class="button primary" href="/reservations/${reservationId}/registration">予約を転記する</a>`);
    expect(await html("/schedule?date=2025-04-02")).toContain("15:00 仮登録");
    expect(await html(`/reservations/${reservationId}`)).toContain("2025年04月02日(水) 15:00~（開始時刻のみ）");

    const form = await html(`/reservations/${reservationId}/registration`);
    expect(form).toContain(`予約情報登録（転記）　予約番号 ${sb.reservationNo}`);
    expect(form).toContain("連携できなかった理由：クーポン（C009）が紐付いていません");
    expect(form).toContain("2025-04-02 15:00");
    expect(form).toMatch(/id="f-newLastNameKana" name="newLastNameKana" type="text" value="ヤマダ"/);
    expect(form).toMatch(/id="f-newPhone" name="newPhone" type="tel" value="08099990000"/);
    expect(form).toContain(">確認</button>");
  });

  it("confirms, registers with SALON BOARD's 予約番号, resolves the notice and never pushes it", async () => {
    const { sb, reservationId } = await inboundFailure();
    const fields = {
      newLastName: "山田", newFirstName: "花子", newLastNameKana: "ヤマダ", newFirstNameKana: "ハナコ", newPhone: "08099990000",
      staffId: world.fx.staff.aida.id, facilityId: "", menuId: world.fx.menus.cutColorTreatment.id, durationMin: "120", visitMemo: "初めての来店",
      // The start time cannot be moved here, whatever is posted.
      date: "2025-05-05", time: "18:00",
    };
    const confirm = await desk.post(`/reservations/${reservationId}/registration`, { ...fields, step: "confirm" });
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain("山田 花子 様（新規登録）");
    expect(page).toContain("2025-04-02 15:00〜17:00（120分）");
    expect(page).toContain(">登録</button>");
    expect(q("SELECT status FROM reservations")).toEqual([{ status: "provisional" }]);

    const done = await desk.post(`/reservations/${reservationId}/registration`, { ...fields, step: "register" });
    expect(done.status).toBe(303);
    expect(one("SELECT status, date, start_minute, duration_min, staff_id, salonboard_no, origin, sync_state, route FROM reservations")).toEqual({
      status: "booked", date: "2025-04-02", start_minute: 900, duration_min: 120, staff_id: world.fx.staff.aida.id, salonboard_no: sb.reservationNo, origin: "salonboard", sync_state: "ok", route: "HPB",
    });
    expect(one("SELECT registration_route FROM customers WHERE phone = '08099990000'")).toEqual({ registration_route: "HPB" });
    expect(one("SELECT resolution, resolved_by FROM notices")).toEqual({ resolution: "registered", resolved_by: world.fx.users.staff.id });
    expect(q("SELECT * FROM sync_outbox")).toEqual([]);
    expect(await html(`/reservations/${reservationId}?done=registered`)).toContain(`<dt>予約番号</dt><dd>${sb.reservationNo}</dd>`);

    // SALON BOARD's later change and cancellation apply to it; nothing goes back.
    peer.running.sim.change(sb.reservationNo, { startAt: "2025-04-02T16:00", staffCode: "S001", coupon: { code: "C001", name: "カット+カラー+超音波トリートメント", content: "" } });
    await peer.pull();
    expect(one("SELECT start_minute, status FROM reservations")).toEqual({ start_minute: 960, status: "booked" });
    peer.running.sim.cancel(sb.reservationNo);
    await peer.pull();
    expect(one("SELECT status FROM reservations")).toEqual({ status: "cancelled" });
    expect(q("SELECT * FROM sync_outbox")).toEqual([]);
    expect(peer.reservations()).toHaveLength(1);
  });

  it("answers bad input on the transcription form in Japanese, next to the field, saving nothing", async () => {
    const { reservationId } = await inboundFailure();
    const res = await desk.post(`/reservations/${reservationId}/registration`, { customerId: "", staffId: "999999", menuId: "", step: "register" });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('id="f-customerId-error">お客様を検索して選択するか、新規のお客様を入力してください。</p>');
    expect(page).toContain('id="f-staffId-error">選択したスタッフが見つかりません。一覧から選び直してください。</p>');
    expect(page).toContain('id="f-menuId-error">クーポン・メニューを選択してください。</p>');
    expect(one("SELECT status FROM reservations")).toEqual({ status: "provisional" });
    expect(one("SELECT resolved_at FROM notices")).toEqual({ resolved_at: null });
  });
});

describe("a connection that does not work", () => {
  beforeEach(() => setup());

  it("is told on ホーム and by the schedule's alert until SALON BOARD answers again", async () => {
    world.db.$client.prepare("UPDATE salonboard_connections SET token = 'wrong'").run();
    await peer.pull();
    const problem = "SALON BOARDとの接続に問題があります（SALON BOARDの認証情報が正しくありません）。予約連携が止まっています。";
    expect(await html("/")).toContain(problem);
    expect(await html("/schedule?date=2025-04-02")).toContain(problem);
    const polled = await desk.get("/notices/alert", { "HX-Request": "true", "X-Background": "1" });
    expect(await polled.text()).toContain('class="sync-alert blink" role="alert"');
    const etag = polled.headers.get("ETag")!;

    world.db.$client.prepare("UPDATE salonboard_connections SET token = ?").run("test-token");
    await peer.pull();
    const healed = await desk.get("/notices/alert", { "HX-Request": "true", "X-Background": "1", "If-None-Match": etag });
    expect(healed.status).toBe(200);
    expect(await healed.text()).not.toContain("接続に問題");
    expect(await html("/")).not.toContain("接続に問題");
  });

  it("stays quiet about one failed call while the last success is recent", async () => {
    await peer.pull();
    world.clock.advance(10_000);
    peer.fail(["500"]);
    await peer.pull();
    expect(world.db.$client.prepare("SELECT last_error FROM salonboard_connections").get()).toEqual({ last_error: "SALON BOARDで一時的なエラーが発生しました" });
    expect(await html("/")).not.toContain("接続に問題");
    world.clock.advanceMinutes(3);
    expect(await html("/")).toContain("SALON BOARDとの接続に問題があります（SALON BOARDで一時的なエラーが発生しました）");
  });
});

describe("the product name", () => {
  beforeEach(() => setup({ APP_NAME: "ATTACK" }));

  it("appears in the messages where the manual says ATTACK", async () => {
    await outboundFailure();
    expect(await html("/")).toContain("ATTACKからSALON BOARDへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。(1件)");
  });
});
