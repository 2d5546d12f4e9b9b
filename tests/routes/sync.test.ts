import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { book, reservationFields, setupWorld, type TestBrowser, type TestWorld } from "../fixtures";
import { startPeer, type TestPeer } from "../peer";

let world: TestWorld;
let desk: TestBrowser;
let peer: TestPeer;
beforeEach(async () => {
  world = await setupWorld();
  desk = await world.browser("frontdesk");
  peer = await startPeer(world);
});
afterEach(() => peer.close());

const q = (sql: string, ...params: unknown[]) => world.db.$client.prepare(sql).all(...params) as Record<string, unknown>[];
const one = (sql: string, ...params: unknown[]) => q(sql, ...params)[0];

const form = (over: Record<string, string | number> = {}) => reservationFields(world, over);

async function bookThroughForm(over: Record<string, string | number> = {}) {
  const res = await desk.post("/reservations", form(over));
  expect(res.status).toBe(303);
  return one("SELECT * FROM reservations ORDER BY id DESC LIMIT 1") as { id: number; number: number };
}

describe("outbound: a reservation made in the app reaches SALON BOARD", () => {
  it("writes the outbox entry with the reservation, then registers it once, keeping SALON BOARD's 予約番号", async () => {
    const r = await bookThroughForm();
    expect(q("SELECT reservation_id FROM sync_outbox")).toEqual([{ reservation_id: r.id }]);
    expect(one("SELECT sync_state FROM reservations WHERE id = ?", r.id)).toEqual({ sync_state: "pending" });
    expect(await (await desk.get(`/reservations/${r.id}`)).text()).toContain("送信待ち");

    await peer.push();
    const [sent] = peer.reservations();
    expect(sent).toMatchObject({
      externalId: `tsunagu-${r.id}`,
      startAt: "2025-04-02T11:00",
      durationMin: 120,
      staffCode: "S001",
      coupon: { code: "C001" },
      customer: { nameKana: "キクチ トモアキ", nameKanji: "菊池 知亮", phone: "0362612528" },
      status: "booked",
    });
    expect(one("SELECT sync_state, salonboard_no FROM reservations WHERE id = ?", r.id)).toEqual({ sync_state: "ok", salonboard_no: sent!.reservationNo });
    expect(q("SELECT * FROM sync_outbox")).toEqual([]);
    expect(await (await desk.get(`/reservations/${r.id}`)).text()).toContain(`<span class="sync ok">成功（SALON BOARD予約番号：${sent!.reservationNo}）</span>`);
  });

  it("sends a change and a cancellation in order, never a second reservation", async () => {
    const r = await bookThroughForm();
    await peer.push();
    await desk.post(`/reservations/${r.id}`, { ...form({ time: "14:00" }), status: "booked" });
    await peer.push();
    expect(peer.reservations()).toHaveLength(1);
    expect(peer.reservations()[0]).toMatchObject({ startAt: "2025-04-02T14:00", status: "booked" });
    await desk.post(`/reservations/${r.id}/cancellation`);
    await peer.push();
    expect(peer.reservations()).toHaveLength(1);
    expect(peer.reservations()[0]!.status).toBe("cancelled");
  });

  it("retries transient failures (500, reset, a hang, success then a hang) and registers exactly once", async () => {
    peer.fail(["500", "reset", "hang", "success-then-hang"]);
    const r = await bookThroughForm();
    await peer.push();
    expect(peer.reservations()).toHaveLength(1);
    expect(one("SELECT sync_state FROM reservations WHERE id = ?", r.id)).toEqual({ sync_state: "ok" });
    expect(q("SELECT * FROM notices")).toEqual([]);
  });

  it("marks it 失敗 with SALON BOARD's reason and raises a notice when the slot is full there", async () => {
    peer.running.sim.setCapacity(0, "2025-04-02T11:00");
    const r = await bookThroughForm();
    await peer.push();
    expect(peer.reservations()).toHaveLength(0);
    expect(one("SELECT sync_state, sync_error FROM reservations WHERE id = ?", r.id)).toEqual({ sync_state: "failed", sync_error: "予約受付可能数を超えています" });
    expect(q("SELECT direction, reason, reservation_no, reservation_at, resolved_at FROM notices")).toEqual([
      { direction: "outbound", reason: "予約受付可能数を超えています", reservation_no: String(r.number), reservation_at: "2025-04-02 11:00", resolved_at: null },
    ]);
  });

  it("gives up on a transient failure after the bounded attempts, with a notice", async () => {
    peer.running.randomFaults = { rate: 1, kinds: ["500"] };
    const r = await bookThroughForm();
    await peer.push(40);
    expect(one("SELECT sync_state, sync_error FROM reservations WHERE id = ?", r.id)).toEqual({ sync_state: "failed", sync_error: "SALON BOARDで一時的なエラーが発生しました" });
    expect(q("SELECT count(*) AS n FROM notices")).toEqual([{ n: 1 }]);
    expect(q("SELECT * FROM sync_outbox")).toEqual([]);
  });

  it("reports a wrong token as a notice with the reason, without looping", async () => {
    await peer.close();
    peer = await startPeer(world, { token: "wrong-token" });
    peer.running.sim.setCapacity(4);
    const r = await bookThroughForm();
    await peer.push();
    expect(one("SELECT sync_state, sync_error FROM reservations WHERE id = ?", r.id)).toEqual({ sync_state: "failed", sync_error: "SALON BOARDの認証情報が正しくありません" });
    await peer.pull();
    expect(one("SELECT last_error FROM salonboard_connections")).toEqual({ last_error: "SALON BOARDの認証情報が正しくありません" });
  });

  it("never pushes a reservation that came from SALON BOARD", async () => {
    peer.booking({ startAt: "2025-04-02T15:00", staffCode: "S002", couponCode: "C001", customer: { nameKana: "コガ ハナコ", nameKanji: "古賀 花子", phone: "090-1234-5678", email: null } });
    await peer.pull();
    const r = one("SELECT id FROM reservations") as { id: number };
    await desk.post(`/reservations/${r.id}/memo`, { visitMemo: "前回と同じ色" });
    expect(q("SELECT * FROM sync_outbox")).toEqual([]);
  });
});

describe("inbound: SALON BOARD's reservations reach the app", () => {
  it("registers an HPB booking for the customer found by phone, once, whatever is redelivered", async () => {
    const sb = peer.booking({ startAt: "2025-04-02T15:00", staffCode: "S002", couponCode: "C001", customer: { nameKana: "コガ ハナコ", nameKanji: "古賀 花子", phone: "090-1234-5678", email: null } });
    await peer.pull();
    peer.running.sim.redeliverFrom = "0";
    await peer.pull();
    expect(q("SELECT customer_id, staff_id, menu_name, date, start_minute, duration_min, status, route, origin, salonboard_no, sync_state FROM reservations")).toEqual([
      {
        customer_id: world.fx.customers.koga.id,
        staff_id: world.fx.staff.igawa.id,
        menu_name: "カット+カラー+超音波トリートメント",
        date: "2025-04-02",
        start_minute: 900,
        duration_min: 120,
        status: "booked",
        route: "HPB",
        origin: "salonboard",
        salonboard_no: sb.reservationNo,
        sync_state: "ok",
      },
    ]);
    const html = await (await desk.get("/schedule?date=2025-04-02")).text();
    expect(html).toContain("古賀 花子様");
  });

  it("registers a new customer from SALON BOARD with the kana and phone it sent", async () => {
    peer.booking({ startAt: "2025-04-02T16:00", couponCode: "C001", customer: { nameKana: "ヤマダ ハナコ", nameKanji: "山田 花子", phone: "080-9999-0000", email: null } });
    await peer.pull();
    expect(one("SELECT last_name, first_name, last_name_kana, first_name_kana, phone, registration_route FROM customers ORDER BY id DESC LIMIT 1")).toEqual({
      last_name: "山田", first_name: "花子", last_name_kana: "ヤマダ", first_name_kana: "ハナコ", phone: "08099990000", registration_route: "HPB",
    });
  });

  it("keeps a booking it cannot register as a 仮登録 with only its start time, the payload and a notice", async () => {
    const sb = peer.booking({ startAt: "2025-04-02T15:00", staffCode: "S009", couponCode: "C001" });
    await peer.pull();
    const r = one("SELECT id, status, customer_id, staff_id, start_minute, origin, salonboard_no, salonboard_payload FROM reservations") as Record<string, unknown>;
    expect(r).toMatchObject({ status: "provisional", customer_id: null, staff_id: null, start_minute: 900, origin: "salonboard", salonboard_no: sb.reservationNo });
    expect(JSON.parse(r.salonboard_payload as string)).toMatchObject({ reservationNo: sb.reservationNo, staffCode: "S009" });
    expect(q("SELECT direction, reason, reservation_no, reservation_at FROM notices")).toEqual([
      { direction: "inbound", reason: "スタッフ（S009）が紐付いていません", reservation_no: sb.reservationNo, reservation_at: "2025-04-02 15:00" },
    ]);
  });

  it("goes through the app's capacity rules: over capacity becomes a 仮登録 saying which slot", async () => {
    book(world, { startMinute: 900, staffId: world.fx.staff.aida.id });
    book(world, { startMinute: 900, staffId: world.fx.staff.igawa.id });
    peer.booking({ startAt: "2025-04-02T15:00", couponCode: "C001" });
    await peer.pull();
    expect(q("SELECT reason FROM notices")).toEqual([{ reason: "予約受付可能数を超えています（15:00〜15:30の枠：サロンの受付可能数は2人です）" }]);
    expect(q("SELECT status FROM reservations WHERE origin = 'salonboard'")).toEqual([{ status: "provisional" }]);
  });

  it("applies SALON BOARD's changes and cancellations to the reservation of that 予約番号", async () => {
    const sb = peer.booking({ startAt: "2025-04-02T15:00", couponCode: "C001", customer: { nameKana: "コガ ハナコ", nameKanji: null, phone: "09012345678", email: null } });
    await peer.pull();
    peer.running.sim.change(sb.reservationNo, { startAt: "2025-04-02T17:00" });
    await peer.pull();
    expect(q("SELECT start_minute, status FROM reservations")).toEqual([{ start_minute: 1020, status: "booked" }]);
    peer.running.sim.cancel(sb.reservationNo);
    await peer.pull();
    expect(q("SELECT status FROM reservations")).toEqual([{ status: "cancelled" }]);
    expect(q("SELECT * FROM sync_outbox")).toEqual([]);
  });

  it("never imports the echo of the app's own reservation", async () => {
    const r = await bookThroughForm();
    await peer.push();
    await peer.pull();
    expect(q("SELECT id FROM reservations")).toEqual([{ id: r.id }]);
  });

  it("links a reservation staff typed into SALON BOARD by hand to the one that failed to sync", async () => {
    peer.running.sim.setCapacity(0, "2025-04-02T11:00");
    const r = await bookThroughForm();
    await peer.push();
    peer.running.sim.setCapacity(4, "2025-04-02T11:00");
    const typed = peer.booking({ startAt: "2025-04-02T11:00", durationMin: 120, staffCode: "S001", couponCode: "C001", route: "管理画面", customer: { nameKana: "キクチ トモアキ", nameKanji: null, phone: "03-6261-2528", email: null } });
    await peer.pull();
    expect(q("SELECT id, salonboard_no, sync_state FROM reservations")).toEqual([{ id: r.id, salonboard_no: typed.reservationNo, sync_state: "ok" }]);
    expect(q("SELECT resolution FROM notices")).toEqual([{ resolution: "linked" }]);
  });

  it("moves the cursor with the applied events only", async () => {
    peer.booking({ startAt: "2025-04-02T15:00", couponCode: "C001" });
    peer.fail(["500"]);
    await peer.pull();
    expect(one("SELECT cursor FROM salonboard_connections")).toEqual({ cursor: null });
    expect(q("SELECT count(*) AS n FROM reservations")).toEqual([{ n: 0 }]);
    await peer.pull();
    expect(one("SELECT cursor FROM salonboard_connections")).toEqual({ cursor: "1" });
    expect(q("SELECT count(*) AS n FROM reservations")).toEqual([{ n: 1 }]);
  });
});
