// `npm start` without SALONBOARD_URL: the simulator runs in-process on a loopback port,
// connected to the demo salon, so sync and its failures are visible at once. The demo
// gets one failure of each direction the first time (while it has no notice at all).
import { randomBytes } from "node:crypto";
import { prepared, type Db } from "../db/client";
import type { Clock } from "../lib/clock";
import { addDays, formatMinute, jstDate } from "../lib/jst";
import { findCapacityConflict, salonDay } from "../domain/capacity";
import { saveReservation } from "../domain/reservations";
import { connectSalon } from "../sync/connections";
import { startSalonBoardSim, type RunningSim } from "./server";

export async function startBundledSalonBoard(db: Db, clock: Clock, salonId: number, port = 0): Promise<RunningSim> {
  // SALON BOARD's masters are the salon's own codes: the demo maps one to one.
  const staff = prepared<{ code: string; name: string }>(db, "SELECT salonboard_code AS code, name FROM staff WHERE salon_id = ? AND salonboard_code IS NOT NULL ORDER BY display_order").all(salonId);
  const coupons = prepared<{ code: string; name: string; content: string; durationMin: number; price: number }>(
    db,
    "SELECT salonboard_code AS code, name, content, duration_min AS durationMin, price FROM menus WHERE salon_id = ? AND salonboard_code IS NOT NULL ORDER BY display_order",
  ).all(salonId);
  const token = randomBytes(18).toString("base64url");
  const sim = await startSalonBoardSim({ token, staff, coupons, capacity: 6, openMinute: 9 * 60, closeMinute: 21 * 60, now: clock }, port);
  connectSalon(db, salonId, { url: sim.url, token, enabled: true });
  // A new simulator starts a new event history: the old cursor means nothing to it.
  prepared(db, "UPDATE salonboard_connections SET cursor = NULL, last_error = NULL WHERE salon_id = ?").run(salonId);
  const hasNotices = prepared(db, "SELECT 1 FROM notices WHERE salon_id = ? LIMIT 1").get(salonId);
  if (!hasNotices) arrangeDemoFailures(db, clock, salonId, sim);
  return sim;
}

/** Tomorrow's (or the next open day's) slots: one booking SALON BOARD refuses, one it sends that the app cannot take. */
function arrangeDemoFailures(db: Db, clock: Clock, salonId: number, sim: RunningSim): void {
  let date = addDays(jstDate(clock()), 1);
  for (let i = 0; i < 7 && !salonDay(db, salonId, date).isOpen; i++) date = addDays(date, 1);
  const day = salonDay(db, salonId, date);
  const customer = prepared<{ id: number }>(db, "SELECT id FROM customers WHERE salon_id = ? AND phone IS NOT NULL ORDER BY customer_no LIMIT 1").get(salonId);
  const menu = prepared<{ id: number; name: string; content: string; duration_min: number }>(db, "SELECT id, name, content, duration_min FROM menus WHERE salon_id = ? AND salonboard_code IS NOT NULL ORDER BY display_order LIMIT 1").get(salonId);
  const stylists = prepared<{ id: number }>(db, "SELECT id FROM staff WHERE salon_id = ? AND active = 1 AND salonboard_code IS NOT NULL ORDER BY display_order").all(salonId);
  if (!customer || !menu) return;

  // Outbound: the slot is full in SALON BOARD (its capacity is salon-wide), free here.
  outer: for (const start of day.slots.filter((m) => m + menu.duration_min <= day.closeMinute).reverse()) {
    for (const s of [...stylists.map((x) => x.id), null]) {
      const saved = saveReservation(db, clock, salonId, {
        customerId: customer.id,
        newCustomer: null,
        staffId: s,
        facilityId: null,
        menuId: menu.id,
        menuName: menu.name,
        menuContent: menu.content,
        date,
        startMinute: start,
        durationMin: menu.duration_min,
        route: "電話",
        status: "booked",
        visitMemo: "",
      }, null);
      if (saved.ok) {
        for (let m = start - (start % 30); m < start + menu.duration_min; m += 30) sim.sim.setCapacity(0, `${date}T${formatMinute(m)}`);
        break outer;
      }
    }
  }

  // Inbound: an HPB booking with a coupon the salon has not linked yet, at a time the
  // salon has room for, so staff can register it with 予約を転記する.
  const fits = (m: number) => m + 60 <= day.closeMinute && !findCapacityConflict(db, salonId, { date, startMinute: m, endMinute: m + 60, staffId: null, facilityId: null }, null);
  const open = day.slots.find((m) => m >= 13 * 60 && fits(m)) ?? day.slots.find(fits);
  if (open === undefined) return;
  sim.sim.addBooking({
    startAt: `${date}T${formatMinute(open)}`,
    durationMin: 60,
    staffCode: null,
    couponCode: "C900",
    coupon: { code: "C900", name: "【新規】髪質改善トリートメント", content: "◇HPB限定クーポン" },
    customer: { nameKana: "ホットペッパー ハナコ", nameKanji: "保津 花子", phone: "09011112222", email: null },
    note: "HPBからのご新規のお客様です",
  });
}
