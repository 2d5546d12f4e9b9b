import { describe, expect, it } from "vitest";
import { buildDeps, createApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import { openDatabase } from "../../src/db/client";
import { prepareFirstStart } from "../../src/domain/bootstrap";
import { FakeClock, ORIGIN } from "../fixtures";

const all = (db: ReturnType<typeof openDatabase>, sql: string) => db.$client.prepare(sql).all();

describe("the first start", () => {
  it("creates デモサロン and an admin with a generated password that signs in once printed", async () => {
    const db = openDatabase(":memory:");
    const config = loadConfig({});
    const first = await prepareFirstStart(db, config, new FakeClock().now);
    expect(first).not.toBeNull();
    expect(first!.loginId).toBe("admin");
    expect(first!.salonName).toBe("デモサロン");
    expect(first!.generatedPassword).toMatch(/^[A-Za-z2-9]{16}$/);

    expect(all(db, "SELECT name, capacity FROM staff ORDER BY display_order")).toEqual([
      { name: "相田", capacity: 2 }, { name: "井川", capacity: 2 }, { name: "内田", capacity: 2 }, { name: "奥田", capacity: 2 }, { name: "神田", capacity: 2 },
    ]);
    expect(all(db, "SELECT name, capacity FROM facilities")).toEqual([{ name: "サロンブース", capacity: 5 }]);
    expect(all(db, "SELECT DISTINCT is_open, open_minute, close_minute, capacity FROM salon_hours")).toEqual([
      { is_open: 1, open_minute: 600, close_minute: 1200, capacity: 2 },
    ]);
    expect(all(db, "SELECT slot_minutes FROM salons")).toEqual([{ slot_minutes: 30 }]);
    expect(all(db, "SELECT duration_min FROM menus WHERE name = 'カット+カラー+超音波トリートメント'")).toEqual([{ duration_min: 120 }]);
    expect((all(db, "SELECT count(*) AS n FROM plans")[0] as { n: number }).n).toBeGreaterThanOrEqual(2);

    const people = all(db, "SELECT last_name, first_name, last_name_kana, first_name_kana, phone FROM customers") as Record<string, string>[];
    expect(people).toHaveLength(200);
    for (const p of people) {
      expect(p.last_name_kana).toMatch(/^[ァ-ヺー]+$/);
      expect(p.first_name_kana).toMatch(/^[ァ-ヺー]+$/);
      expect(p.phone).toMatch(/^0\d{9,10}$/);
    }
    expect(new Set(people.map((p) => `${p.last_name}${p.first_name}`)).size).toBeGreaterThan(150);

    // A week of reservations around the fake clock's today (2025-04-01), within capacity.
    const perDay = all(db, "SELECT date, count(*) AS n FROM reservations WHERE status <> 'cancelled' GROUP BY date ORDER BY date") as { date: string; n: number }[];
    expect(perDay[0]!.date).toBe("2025-03-29");
    expect(perDay.at(-1)!.date).toBe("2025-04-07");
    for (const d of perDay) expect(d.n, d.date).toBeGreaterThanOrEqual(5);
    expect(all(db, "SELECT DISTINCT status FROM reservations WHERE date > '2025-04-01'")).toEqual([{ status: "booked" }]);
    const overfull = all(db, `
      SELECT r.date, s.m FROM reservations r
        JOIN (WITH RECURSIVE m(m) AS (SELECT 600 UNION ALL SELECT m + 30 FROM m WHERE m < 1170) SELECT m FROM m) s
          ON r.start_minute < s.m + 30 AND r.end_minute > s.m
       WHERE r.status IN ('booked','visited','paid')
       GROUP BY r.date, s.m HAVING count(*) > 2`);
    expect(overfull).toEqual([]);

    const app = createApp(buildDeps(db, new FakeClock().now, config));
    const res = await app.request(`${ORIGIN}/login`, {
      method: "POST",
      body: new URLSearchParams({ loginId: "admin", password: first!.generatedPassword! }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
    });
    expect(res.status).toBe(303);
  });

  it("uses ADMIN_LOGIN_ID and ADMIN_PASSWORD and prints no password then", async () => {
    const db = openDatabase(":memory:");
    const first = await prepareFirstStart(db, loadConfig({ ADMIN_LOGIN_ID: "Owner", ADMIN_PASSWORD: "given-password-1" }), new FakeClock().now);
    expect(first).toEqual({ loginId: "owner", generatedPassword: null, salonName: "デモサロン" });
  });

  it("creates an empty salon when SEED_DEMO=0", async () => {
    const db = openDatabase(":memory:");
    const first = await prepareFirstStart(db, loadConfig({ SEED_DEMO: "0" }), new FakeClock().now);
    expect(first!.salonName).toBe("マイサロン");
    expect(all(db, "SELECT count(*) AS n FROM customers")).toEqual([{ n: 0 }]);
    expect(all(db, "SELECT count(*) AS n FROM staff")).toEqual([{ n: 0 }]);
  });

  it("does nothing on a later start", async () => {
    const db = openDatabase(":memory:");
    await prepareFirstStart(db, loadConfig({}), new FakeClock().now);
    expect(await prepareFirstStart(db, loadConfig({}), new FakeClock().now)).toBeNull();
    expect(all(db, "SELECT count(*) AS n FROM salons")).toEqual([{ n: 1 }]);
    expect(all(db, "SELECT count(*) AS n FROM users")).toEqual([{ n: 1 }]);
  });

  it("opens the database file with the pragmas a reservation system needs", () => {
    const db = openDatabase(":memory:");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBeGreaterThanOrEqual(5000);
  });
});
