import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client";
import { CONTRACT_STATUSES, plans, RESERVATION_STATUSES, users } from "../../src/db/schema";
import { deleteCustomers } from "../../src/domain/customer-list";
import { createSalon } from "../../src/domain/salons";
import { FakeClock } from "../fixtures";

// Over random mixes of customers (reservations past, today and future in every status;
// 定額プラン contracts in every state) and random selections: bulk delete never deletes a
// blocked customer, and always deletes the whole of a selection nobody blocks.

const TODAY = "2025-04-01";
const DAYS = ["2025-03-01", "2025-03-31", TODAY, "2025-04-02", "2025-05-10"];

const customerModel = fc.record({
  reservations: fc.array(fc.record({ day: fc.constantFrom(...DAYS), status: fc.constantFrom(...RESERVATION_STATUSES) }), { maxLength: 4 }),
  contracts: fc.array(fc.constantFrom(...CONTRACT_STATUSES), { maxLength: 3 }),
  selected: fc.boolean(),
});

describe("bulk delete", () => {
  it("never deletes a blocked customer and always deletes a whole unblocked selection", () => {
    const db = openDatabase(":memory:");
    const clock = new FakeClock(`${TODAY}T16:23:00+09:00`);
    let salonNo = 0;
    fc.assert(
      fc.property(fc.array(customerModel, { minLength: 1, maxLength: 8 }), (model) => {
        const salon = createSalon(db, { name: `サロン${++salonNo}` });
        const user = db.insert(users).values({ salonId: salon.id, loginId: `u${salonNo}`, displayName: "受付", passwordHash: "x", role: "staff" }).returning().get();
        const plan = db.insert(plans).values({ salonId: salon.id, name: "定額", monthlyPrice: 1 }).returning().get();
        const ids = model.map((m, i) => {
          const id = Number(
            db.$client.prepare("INSERT INTO customers (salon_id, customer_no, last_name_kana, registration_route) VALUES (?, ?, 'テスト', '管理画面')").run(salon.id, i + 1).lastInsertRowid,
          );
          m.reservations.forEach((r, k) =>
            db.$client
              .prepare(
                "INSERT INTO reservations (salon_id, number, customer_id, date, start_minute, duration_min, end_minute, status, route, received_at, updated_at) VALUES (?, ?, ?, ?, 600, 30, 630, ?, '電話', 0, 0)",
              )
              .run(salon.id, i * 10 + k + 1, id, r.day, r.status),
          );
          for (const status of m.contracts) {
            db.$client.prepare("INSERT INTO plan_contracts (salon_id, customer_id, plan_id, status, started_on) VALUES (?, ?, ?, ?, '2025-01-01')").run(salon.id, id, plan.id, status);
          }
          return id;
        });
        // The rule as the manual states it, computed from the model, not by the code under test.
        const blocked = (m: (typeof model)[number]) =>
          m.reservations.some((r) => r.day >= TODAY && (r.status === "provisional" || r.status === "booked")) || m.contracts.includes("active");
        const selection = ids.filter((_, i) => model[i]!.selected);
        const anyBlocked = model.some((m) => m.selected && blocked(m));
        const before = (db.$client.prepare("SELECT count(*) AS n FROM customers WHERE salon_id = ?").get(salon.id) as { n: number }).n;

        const result = deleteCustomers(db, clock.now, salon.id, selection, user.id);

        const left = new Set((db.$client.prepare("SELECT id FROM customers WHERE salon_id = ?").all(salon.id) as { id: number }[]).map((r) => r.id));
        if (selection.length === 0) {
          expect(result.ok).toBe(false);
          expect(left.size).toBe(before);
        } else if (anyBlocked) {
          expect(result.ok).toBe(false);
          expect(left.size).toBe(before);
          expect("blockers" in result && result.blockers.map((b) => b.customerId).sort()).toEqual(ids.filter((_, i) => model[i]!.selected && blocked(model[i]!)).sort());
        } else {
          expect(result).toEqual({ ok: true, deleted: selection.length });
          for (const id of selection) expect(left.has(id)).toBe(false);
          expect(left.size).toBe(before - selection.length);
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
