import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client";
import { customers, menus, staff } from "../../src/db/schema";
import { createSalon } from "../../src/domain/salons";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Answer = { ok: boolean; message?: string; crashed?: string };

describe("several terminals booking the last free place at once", () => {
  it("lets exactly one win; the others are told the place is taken and nothing is doubled", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tsunagu-race-"));
    dirs.push(dir);
    const path = join(dir, "race.db");
    const db = openDatabase(path);
    const salon = createSalon(db, { name: "競争サロン", capacity: 1 });
    db.insert(staff).values({ salonId: salon.id, name: "相田", kana: "アイダ", capacity: 2 }).run();
    const menu = db.insert(menus).values({ salonId: salon.id, name: "カット", durationMin: 60, price: 4400 }).returning().get();
    const guest = db.insert(customers).values({ salonId: salon.id, customerNo: 1, lastNameKana: "キクチ", registrationRoute: "web" }).returning().get();

    const writers = 6;
    const children: ChildProcess[] = [];
    const ready: Promise<void>[] = [];
    const answers: Promise<Answer>[] = [];
    for (let i = 0; i < writers; i++) {
      const child = fork(join(__dirname, "../support/book-last-place.ts"), [path, String(salon.id), String(guest.id), String(menu.id)], {
        execArgv: ["--import", "tsx"],
      });
      children.push(child);
      ready.push(new Promise((resolve) => child.once("message", () => resolve())));
      answers.push(new Promise((resolve) => child.on("message", (m: Answer | { ready: true }) => "ok" in m && resolve(m))));
    }
    await Promise.all(ready);
    for (const child of children) child.send("go");
    const results = await Promise.all(answers);

    expect(results.filter((r) => r.crashed)).toEqual([]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const lost of results.filter((r) => !r.ok)) {
      expect(lost.message).toBe("予約受付可能数を超えています（10:00〜10:30の枠：サロンの受付可能数は1人です）");
    }
    expect(db.$client.prepare("SELECT count(*) AS n, max(number) AS last FROM reservations").get()).toEqual({ n: 1, last: 1 });
    db.$client.close();
  }, 60_000);
});
