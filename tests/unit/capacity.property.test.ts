import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db/client";
import { customers, facilities, menus, staff } from "../../src/db/schema";
import { cancelReservation, findReservation, saveReservation, type ReservationInput } from "../../src/domain/reservations";
import { createSalon } from "../../src/domain/salons";
import { overrideSlotCapacity } from "../../src/domain/capacity";
import { FakeClock } from "../fixtures";

// Whatever mix of bookings, changes, cancellations and capacity changes staff make,
// no slot ever holds more than the salon, a stylist or a facility takes.

const DATE = "2025-04-02";

function world() {
  const db = openDatabase(":memory:");
  const salon = createSalon(db, { name: "性質テスト", capacity: 3, openMinute: 600, closeMinute: 900 });
  const stylists = [1, 2, 3].map((cap, i) => db.insert(staff).values({ salonId: salon.id, name: `S${i}`, kana: "エス", capacity: cap }).returning().get());
  const booth = db.insert(facilities).values({ salonId: salon.id, name: "ブース", capacity: 2 }).returning().get();
  const menu = db.insert(menus).values({ salonId: salon.id, name: "カット", durationMin: 60, price: 1 }).returning().get();
  const guest = db.insert(customers).values({ salonId: salon.id, customerNo: 1, lastNameKana: "テスト", registrationRoute: "管理画面" }).returning().get();
  return { db, salonId: salon.id, stylists, booth, menu, guest };
}

const op = fc.oneof(
  fc.record({
    kind: fc.constant("book" as const),
    stylist: fc.integer({ min: -1, max: 2 }),
    booth: fc.boolean(),
    slot: fc.integer({ min: 0, max: 9 }),
    slots: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), stylist: fc.integer({ min: -1, max: 2 }), slot: fc.integer({ min: 0, max: 9 }), slots: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("capacity" as const), slot: fc.integer({ min: 0, max: 9 }), capacity: fc.integer({ min: 0, max: 4 }) }),
);

/** Stylists' and the booth's 受付可能数 never change here: every slot stays within them. */
function assertWithinCapacity(db: Db) {
  const rows = db.$client
    .prepare("SELECT start_minute s, end_minute e, staff_id st, facility_id f FROM reservations WHERE status IN ('booked','visited','paid')")
    .all() as { s: number; e: number; st: number | null; f: number | null }[];
  const staffCaps = db.$client.prepare("SELECT id, capacity FROM staff").all() as { id: number; capacity: number }[];
  const boothCap = (db.$client.prepare("SELECT capacity FROM facilities").get() as { capacity: number }).capacity;
  for (let s = 600; s < 900; s += 30) {
    const inSlot = rows.filter((r) => r.s < s + 30 && r.e > s);
    for (const { id, capacity } of staffCaps) expect(inSlot.filter((r) => r.st === id).length, `stylist ${id} at ${s}`).toBeLessThanOrEqual(capacity);
    expect(inSlot.filter((r) => r.f !== null).length, `booth at ${s}`).toBeLessThanOrEqual(boothCap);
  }
}

describe("capacity under any sequence of bookings, changes and cancellations", () => {
  it("is never exceeded, and every refusal names 予約受付可能数", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const w = world();
        const clock = new FakeClock();
        const booked: number[] = [];
        for (const o of ops) {
          // The salon's capacity in force for each slot before this step.
          if (o.kind === "capacity") {
            overrideSlotCapacity(w.db, w.salonId, DATE, 600 + o.slot * 30, o.capacity);
            continue;
          }
          if (o.kind === "cancel") {
            const id = booked[o.pick % Math.max(1, booked.length)];
            const r = id === undefined ? undefined : findReservation(w.db, w.salonId, id);
            if (r) cancelReservation(w.db, clock.now, r);
            continue;
          }
          const before = snapshot(w.db);
          const input: ReservationInput = {
            customerId: w.guest.id,
            newCustomer: null,
            staffId: o.stylist < 0 ? null : w.stylists[o.stylist]!.id,
            facilityId: o.kind === "book" && o.booth ? w.booth.id : null,
            menuId: w.menu.id,
            menuName: "カット",
            menuContent: "",
            date: DATE,
            startMinute: 600 + o.slot * 30,
            durationMin: Math.min(o.slots * 30, 900 - (600 + o.slot * 30)),
            route: "電話",
            status: "booked",
            visitMemo: "",
          };
          const existing = o.kind === "move" && booked.length ? findReservation(w.db, w.salonId, booked[o.pick % booked.length]!) : undefined;
          if (o.kind === "move" && (!existing || existing.status !== "booked")) continue;
          const result = saveReservation(w.db, clock.now, w.salonId, { ...input, facilityId: existing?.facilityId ?? input.facilityId }, existing ?? null);
          if (result.ok) {
            if (!existing) booked.push(result.reservation.id);
            expectFits(w.db, w.salonId, result.reservation.id);
          } else {
            expect(result.errors.time).toMatch(/^予約受付可能数を超えています（\d\d:\d\d〜\d\d:\d\dの枠：.+の受付可能数は\d+人です）$/);
            expect(snapshot(w.db)).toEqual(before); // a refusal writes nothing
          }
          assertWithinCapacity(w.db);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function snapshot(db: Db) {
  return db.$client.prepare("SELECT * FROM reservations ORDER BY id").all();
}

/**
 * Right after a successful write, every slot it covers is within the salon's capacity in
 * force (a lowered capacity evicts no one already booked, so this is checked per write).
 */
function expectFits(db: Db, salonId: number, id: number) {
  const r = db.$client.prepare("SELECT start_minute s, end_minute e FROM reservations WHERE id = ?").get(id) as { s: number; e: number };
  for (let s = r.s; s < r.e; s += 30) {
    const n = (db.$client.prepare("SELECT count(*) n FROM reservations WHERE status IN ('booked','visited','paid') AND start_minute < ? AND end_minute > ?").get(s + 30, s) as { n: number }).n;
    const o = db.$client.prepare("SELECT capacity FROM capacity_overrides WHERE salon_id = ? AND slot_minute = ?").get(salonId, s) as { capacity: number } | undefined;
    expect(n, `slot ${s}`).toBeLessThanOrEqual(o?.capacity ?? 3);
  }
}
