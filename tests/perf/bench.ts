// npm run bench: the performance targets of the issues, measured over loopback HTTP with
// the load generated from a separate process, written to tests/perf/results.md.
// Bounded: a fixed number of requests per measurement, then it stops.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { serve } from "@hono/node-server";
import Database from "better-sqlite3";
import { Hono } from "hono";
import { buildDeps, createApp } from "../../src/app";
import { hashPassword } from "../../src/auth/passwords";
import { loadConfig } from "../../src/config";
import { openDatabase, type Db } from "../../src/db/client";
import { systemClock } from "../../src/lib/clock";
import { addDays, jstDate } from "../../src/lib/jst";
import { createSalon } from "../../src/domain/salons";
import { saveReservation } from "../../src/domain/reservations";
import { deleteCustomers } from "../../src/domain/customer-list";
import { formatMinute } from "../../src/lib/jst";
import { startSalonBoardSim } from "../../src/salonboard-sim/server";
import { connectSalon } from "../../src/sync/connections";
import { pullEvents } from "../../src/sync/inbound";
import { startSyncRunner } from "../../src/sync/runner";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Throughput is measured in rounds, each page right after the baseline, and the median kept: one core's noise moves both. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  /** Average response body on the wire, KiB. */
  kb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Asynchronous: the server under test lives in this process and must keep answering.
async function load(url: string, cookie: string, connections: number, headers: Record<string, string> = {}, requests = REQUESTS): Promise<Figures> {
  const script = new URL("./load.ts", import.meta.url).pathname;
  const { stdout: out } = await promisify(execFile)(process.execPath, ["--import", "tsx", script, url, cookie, String(requests), String(connections), JSON.stringify(headers)], {
    encoding: "utf8",
  });
  return JSON.parse(out) as Figures;
}

function listen(fetchHandler: (req: Request) => Response | Promise<Response>): Promise<{ url: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, hostname: "127.0.0.1", port: 0 }, (info) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() });
    });
  });
}

/** The yardstick: a bare Hono page rendering a 50-row table from SQLite (prepared statement). */
function baselineApp() {
  const sqlite = new Database(":memory:");
  sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, kana TEXT, phone TEXT)");
  const insert = sqlite.prepare("INSERT INTO t (name, kana, phone) VALUES (?, ?, ?)");
  for (let i = 0; i < 5000; i++) insert.run(`顧客${i}`, `コキャク${i}`, `090${String(i).padStart(8, "0")}`);
  const page = sqlite.prepare("SELECT id, name, kana, phone FROM t ORDER BY id LIMIT 50");
  const app = new Hono();
  app.get("/", (c) => {
    const rows = page.all() as { id: number; name: string; kana: string; phone: string }[];
    const body = rows.map((r) => `<tr><td>${r.id}</td><td>${r.name}</td><td>${r.kana}</td><td>${r.phone}</td></tr>`).join("");
    return c.html(`<!DOCTYPE html><html><body><table>${body}</table></body></html>`);
  });
  return app;
}

/** A large salon: 30 staff, 60,000 customers, ~300,000 reservations over two years. */
async function largeSalon(db: Db, today: string) {
  const salon = createSalon(db, { name: "大型サロン", capacity: 60, openMinute: 600, closeMinute: 1200 });
  const sqlite = db.$client;
  const t0 = performance.now();
  sqlite.transaction(() => {
    const staffIns = sqlite.prepare("INSERT INTO staff (salon_id, name, kana, capacity, display_order) VALUES (?, ?, ?, 2, ?)");
    for (let i = 0; i < 30; i++) staffIns.run(salon.id, `スタッフ${i + 1}`, "スタッフ", i);
    sqlite.prepare("INSERT INTO facilities (salon_id, name, capacity) VALUES (?, 'サロンブース', 5)").run(salon.id);
    sqlite.prepare("INSERT INTO menus (salon_id, name, content, duration_min, price) VALUES (?, 'カット+カラー', '◇シャンプー・ブロー込', 90, 8800)").run(salon.id);
    const cust = sqlite.prepare(
      `INSERT INTO customers (salon_id, customer_no, last_name, first_name, last_name_kana, first_name_kana, phone, email, birthday, gender, occupation, caution, registration_route)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const KANA = ["サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ"];
    const GENDER = ["female", "male", "female", "unanswered"];
    const JOBS = ["会社員", "自営業", "公務員", "学生", "主婦・主夫", "パート・アルバイト", "その他"];
    const ROUTES = ["HPB", "HPB", "web", "電話", "店頭", "管理画面"];
    for (let i = 1; i <= 60_000; i++) {
      const birthday = i % 5 === 0 ? null : `${1950 + (i % 55)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
      cust.run(salon.id, i, i % 20 === 0 ? null : `佐藤${i % 97}`, i % 20 === 0 ? null : `花子${i % 89}`, KANA[i % 10], "ハナコ", `090${String(i).padStart(8, "0")}`, i % 3 === 0 ? `guest${i}@example.jp` : null, birthday, GENDER[i % 4], JOBS[i % 7], i % 50 === 0 ? 1 : 0, ROUTES[i % 6]);
    }
    const contract = sqlite.prepare("INSERT INTO plan_contracts (salon_id, customer_id, plan_id, status, started_on) VALUES (?, ?, ?, ?, '2025-01-01')");
    const plan = Number(sqlite.prepare("INSERT INTO plans (salon_id, name, monthly_price) VALUES (?, 'カット通い放題', 9800)").run(salon.id).lastInsertRowid);
    const firstCustomer = (sqlite.prepare("SELECT min(id) AS id FROM customers WHERE salon_id = ?").get(salon.id) as { id: number }).id;
    for (let i = 0; i < 6_000; i++) contract.run(salon.id, firstCustomer + i * 10, plan, ["active", "cancelled", "payment_failed"][i % 3]);
  })();
  const staffIds = (sqlite.prepare("SELECT id FROM staff WHERE salon_id = ? ORDER BY id").all(salon.id) as { id: number }[]).map((r) => r.id);
  const menuId = (sqlite.prepare("SELECT id FROM menus WHERE salon_id = ?").get(salon.id) as { id: number }).id;
  const res = sqlite.prepare(
    `INSERT INTO reservations (salon_id, number, customer_id, staff_id, menu_id, menu_name, menu_content, date, start_minute, duration_min, end_minute, status, route, received_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'カット+カラー', '◇シャンプー・ブロー込', ?, ?, 90, ?, ?, 'HPB', ?, ?)`,
  );
  let number = 0;
  sqlite.transaction(() => {
    // Each stylist: two lanes of six 90-minute bookings a day; plus 50 指名なし a day.
    for (let d = -500; d < 230; d++) {
      const date = addDays(today, d);
      const status = d < 0 ? "paid" : "booked";
      const stamp = Date.now();
      for (const staffId of staffIds) {
        for (let lane = 0; lane < 2; lane++) {
          for (let k = 0; k < 6; k++) {
            const start = 600 + lane * 30 + k * 90;
            number++;
            res.run(salon.id, number, 1 + (number % 60_000), staffId, menuId, date, start, start + 90, status, stamp, stamp);
          }
        }
      }
      for (let k = 0; k < 50; k++) {
        const start = 600 + (k % 18) * 30;
        number++;
        res.run(salon.id, number, 1 + (number % 60_000), null, menuId, date, start, start + 90, status, stamp, stamp);
      }
    }
  })();
  sqlite.pragma("optimize");
  return { salon, reservations: number, seconds: (performance.now() - t0) / 1000 };
}

const config = loadConfig({ SEED_DEMO: "0" });
const db = openDatabase(":memory:");
const today = jstDate(new Date());
const big = await largeSalon(db, today);
db.$client
  .prepare("INSERT INTO users (salon_id, login_id, display_name, password_hash, role) VALUES (?, 'bench', 'ベンチ', ?, 'admin')")
  .run(big.salon.id, await hashPassword("bench-password-1"));
const app = createApp(buildDeps(db, systemClock, config));
const server = await listen(app.fetch);
const baseline = await listen(baselineApp().fetch);

const login = await fetch(`${server.url}/login`, {
  method: "POST",
  redirect: "manual",
  body: new URLSearchParams({ loginId: "bench", password: "bench-password-1" }),
  headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
});
const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
if (login.status !== 303 || !cookie) throw new Error(`bench sign-in failed: ${login.status}`);

const pages: [string, string, string][] = [
  ["baseline: bare Hono + better-sqlite3, 50-row table", `${baseline.url}/`, ""],
  ["日次スケジュール (30 staff, today)", `${server.url}/schedule?date=${today}`, cookie],
  ["日次スケジュール grid alone (最新を表示)", `${server.url}/schedule/grid?date=${today}`, cookie],
  ["予約一覧, first page (from today)", `${server.url}/reservations`, cookie],
  ["ホーム", `${server.url}/`, cookie],
];
/** The first view after a change, which renders and compresses again: sequential, from this process. */
async function afterChange(url: string, c: string, n = 60): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    db.$client.prepare("UPDATE salons SET name = name WHERE id = ?").run(big.salon.id); // raises the salon's revision
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Cookie: c, "Accept-Encoding": "gzip" } });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n / 2)]!, p95: times[Math.floor(n * 0.95)]! };
}

const rows: string[] = [];
const measured: Record<string, { one: Figures; rps: number; ratio: number }> = {};
const single = new Map<string, Figures>();
for (const [name, url, c] of pages) single.set(name, await load(url, c, 1));
const rounds = new Map<string, { rps: number; ratio: number }[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, url, c] of pages.slice(1)) {
    const base = await load(pages[0]![1], "", CONNECTIONS);
    const many = await load(url, c, CONNECTIONS);
    const list = rounds.get(name) ?? [];
    list.push({ rps: many.rps, ratio: many.rps / base.rps });
    rounds.set(name, list);
    const baseList = rounds.get(pages[0]![0]) ?? [];
    baseList.push({ rps: base.rps, ratio: 1 });
    rounds.set(pages[0]![0], baseList);
  }
}
for (const [name] of pages) {
  const one = single.get(name)!;
  const r = rounds.get(name)!;
  measured[name] = { one, rps: median(r.map((x) => x.rps)), ratio: median(r.map((x) => x.ratio)) };
  const m = measured[name]!;
  rows.push(
    `| ${name} | ${one.kb.toFixed(1)} | ${one.p50.toFixed(2)} | ${one.p95.toFixed(2)} | ${one.p99.toFixed(2)} | ${Math.round(m.rps)} | ${(m.ratio * 100).toFixed(0)}% |`,
  );
}
for (const i of [1, 3]) {
  const [name, url, c] = pages[i]!;
  const f = await afterChange(url, c);
  rows.push(`| ${name}, first view after a change | | ${f.p50.toFixed(2)} | ${f.p95.toFixed(2)} | | | |`);
}
// ---------------------------------------------------------------- SALON BOARD sync
const sim = await startSalonBoardSim({
  token: "bench-token",
  staff: [],
  coupons: [{ code: "C001", name: "カット+カラー", content: "◇シャンプー・ブロー込", durationMin: 90, price: 8800 }],
  capacity: 1_000_000,
  openMinute: 600,
  closeMinute: 1200,
});
db.$client.prepare("UPDATE menus SET salonboard_code = 'C001' WHERE salon_id = ?").run(big.salon.id);
connectSalon(db, big.salon.id, { url: sim.url, token: "bench-token", enabled: true });

// Inbound: HPB bookings for days the big salon has free, half of them by known customers.
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000);
for (let i = 0; i < EVENTS; i++) {
  sim.sim.addBooking({
    startAt: `${addDays(today, 240 + (i % 100))}T${formatMinute(600 + 30 * (i % 18))}`,
    durationMin: 60,
    couponCode: "C001",
    customer: { nameKana: "ベンチ ハナコ", nameKanji: null, phone: i % 2 ? `090${String(1 + (i % 60_000)).padStart(8, "0")}` : `080${String(i).padStart(8, "0")}`, email: null },
  });
}
const pullStart = performance.now();
let applied = 0;
for (;;) {
  const r = await pullEvents(db, systemClock, big.salon.id);
  if (!r.ok) throw new Error(`bench pull failed: ${r.error}`);
  applied += r.applied;
  if (!r.more) break;
}
const eventsPerSecond = applied / ((performance.now() - pullStart) / 1000);
const registered = (db.$client.prepare("SELECT count(*) AS n FROM reservations WHERE origin = 'salonboard' AND status = 'booked'").get() as { n: number }).n;

// Outbound: from a reservation saved in the app to SALON BOARD's 201, with the runner's defaults.
const answeredAt = new Map<string, number>();
const put = sim.sim.putByExternalId.bind(sim.sim);
sim.sim.putByExternalId = (externalId, body) => {
  const answer = put(externalId, body);
  if (answer.status === 201) answeredAt.set(externalId, performance.now());
  return answer;
};
const runner = startSyncRunner(db, systemClock);
const PUSHES = 100;
const savedAt = new Map<string, number>();
for (let i = 0; i < PUSHES; i++) {
  const saved = saveReservation(db, systemClock, big.salon.id, {
    customerId: 1 + i,
    newCustomer: null,
    staffId: null,
    facilityId: null,
    menuId: (db.$client.prepare("SELECT id FROM menus WHERE salon_id = ?").get(big.salon.id) as { id: number }).id,
    menuName: "カット+カラー",
    menuContent: "",
    date: addDays(today, 400 + (i % 20)),
    startMinute: 600 + 30 * (i % 18),
    durationMin: 60,
    route: "電話",
    status: "booked",
    visitMemo: "",
  }, null);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  savedAt.set(`tsunagu-${saved.reservation.id}`, performance.now());
  await new Promise((r) => setTimeout(r, 37));
}
for (let i = 0; i < 100 && answeredAt.size < PUSHES; i++) await new Promise((r) => setTimeout(r, 100));
await runner.stop();
const pushLatencies = [...savedAt].map(([id, t]) => (answeredAt.get(id) ?? Infinity) - t).sort((a, b) => a - b);
const pushP50 = pushLatencies[Math.floor(PUSHES / 2)]!;
const pushP95 = pushLatencies[Math.floor(PUSHES * 0.95)]!;

// Polling: the schedule's alert as 200 terminals ask for it, answered 304 while nothing changed.
const alertUrl = `${server.url}/notices/alert`;
const etag = (await fetch(alertUrl, { headers: { Cookie: cookie, "HX-Request": "true" } })).headers.get("ETag") ?? "";
const cpuBefore = process.cpuUsage();
const pollStart = performance.now();
const poll = await load(alertUrl, cookie, CONNECTIONS, { "If-None-Match": etag, "HX-Request": "true", "X-Background": "1" });
const cpu = process.cpuUsage(cpuBefore);
const pollSeconds = (performance.now() - pollStart) / 1000;
const cpuPerPollMs = (cpu.user + cpu.system) / 1000 / (REQUESTS + 100);
const TERMINALS = 200;
const pollShare = ((TERMINALS / 10) * cpuPerPollMs) / 1000; // 200 terminals, one request each per 10 s
await sim.close();

// ---------------------------------------------------------------- お客様管理
// 60,000 customers in the salon; other salons bring the database to 1,000,000.
const otherSalons = 4;
const fillStart = performance.now();
db.$client.transaction(() => {
  const ins = db.$client.prepare("INSERT INTO customers (salon_id, customer_no, last_name, first_name, last_name_kana, first_name_kana, phone, gender, registration_route) VALUES (?, ?, '他店', '客', 'タテン', 'キャク', ?, 'female', 'HPB')");
  for (let k = 0; k < otherSalons; k++) {
    const other = createSalon(db, { name: `他店${k + 1}` });
    for (let i = 1; i <= 235_000; i++) ins.run(other.id, i, `080${String(k * 235_000 + i).padStart(8, "0")}`);
  }
})();
const allCustomers = (db.$client.prepare("SELECT count(*) AS n FROM customers").get() as { n: number }).n;
const fillSeconds = (performance.now() - fillStart) / 1000;
const FILTERS: [string, string][] = [
  ["氏名(漢字) 姓", "lastName=佐藤1"],
  ["漢字氏名登録なし", "noKanji=1"],
  ["氏名(カナ) セイ (ひらがなで)", "lastKana=たなか"],
  ["電話番号 (下4桁)", "phone=1234"],
  ["メール", "email=guest12"],
  ["お客様番号", "customerNo=４２１９５"],
  ["誕生日 (12/20〜1/10)", "birthFromMonth=12&birthFromDay=20&birthToMonth=1&birthToDay=10"],
  ["年代 (30代)", "age=30"],
  ["性別", "gender=female"],
  ["職業", "occupation=学生"],
  ["要注意", "caution=1"],
  ["定額プラン 契約中", "contract=active"],
  ["前回来店日", `lastVisitFrom=${addDays(today, -60)}&lastVisitTo=${addDays(today, -1)}`],
  ["来店回数 3回以上", "visitsMin=3"],
  ["登録経路", "route=web"],
];
const customerRows: string[] = [];
let worstFilterP95 = 0;
for (const [name, query] of FILTERS) {
  const url = `${server.url}/customers?${new URLSearchParams(query)}`;
  const f = await load(url, cookie, 1, {}, Math.min(REQUESTS, 300));
  worstFilterP95 = Math.max(worstFilterP95, f.p95);
  customerRows.push(`| ${name} | ${f.p50.toFixed(2)} | ${f.p95.toFixed(2)} | ${f.kb.toFixed(1)} |`);
}

// Deleting a page of 100 customers, each with five past reservations.
const deleteTimes: number[] = [];
const deleter = (db.$client.prepare("SELECT id FROM users WHERE login_id = 'bench'").get() as { id: number }).id;
for (let round = 0; round < 20; round++) {
  const ids = db.$client.transaction(() => {
    const made: number[] = [];
    const base = 100_000 + round * 100;
    for (let i = 0; i < 100; i++) {
      const id = Number(db.$client.prepare("INSERT INTO customers (salon_id, customer_no, last_name_kana, registration_route) VALUES (?, ?, 'サクジョ', 'HPB')").run(big.salon.id, base + i).lastInsertRowid);
      for (let k = 0; k < 5; k++) {
        db.$client
          .prepare("INSERT INTO reservations (salon_id, number, customer_id, date, start_minute, duration_min, end_minute, status, route, visit_memo, received_at, updated_at) VALUES (?, ?, ?, ?, 600, 60, 660, 'paid', 'HPB', 'メモ', 0, 0)")
          .run(big.salon.id, 10_000_000 + base * 10 + i * 5 + k, id, addDays(today, -400 + k));
      }
      made.push(id);
    }
    return made;
  })();
  const t0 = performance.now();
  const result = deleteCustomers(db, systemClock, big.salon.id, ids, deleter);
  deleteTimes.push(performance.now() - t0);
  if (!result.ok) throw new Error(`bench delete refused: ${JSON.stringify(result)}`);
}
deleteTimes.sort((a, b) => a - b);
const deleteP50 = deleteTimes[Math.floor(deleteTimes.length / 2)]!;
const deleteP95 = deleteTimes[Math.floor(deleteTimes.length * 0.95)]!;

server.close();
baseline.close();

const verdict = (name: string) => {
  const m = measured[name]!;
  const ok = m.one.p95 <= 20 && m.ratio >= 0.5;
  return `- ${name}: p95 ${m.one.p95.toFixed(2)} ms (target ≤ 20), ${(m.ratio * 100).toFixed(0)}% of the baseline's requests per second (target ≥ 50%): ${ok ? "met" : "NOT MET"}`;
};
const report = [
  "# Benchmark results",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString()}: Node ${process.version}, ${cpus().length} CPUs, loopback HTTP, the load from a separate process sending a browser's headers (Accept-Encoding: gzip, ...); ${REQUESTS} requests per measurement after 100 warm-up. Throughput: ${ROUNDS} rounds, each page measured right after the baseline; the table shows medians.`,
  "",
  `Data: one salon with 30 staff, 60,000 customers and ${big.reservations.toLocaleString("en")} reservations over two years (built in ${big.seconds.toFixed(1)} s).`,
  "",
  `| page | KiB sent | p50 ms (1 conn) | p95 ms (1 conn) | p99 ms (1 conn) | req/s (${CONNECTIONS} conns) | of baseline |`,
  "|---|---:|---:|---:|---:|---:|---:|",
  ...rows,
  "",
  "Targets (issue: reservations and the daily schedule):",
  verdict(pages[1]![0]),
  verdict(pages[3]![0]),
  "",
  "## SALON BOARD sync",
  "",
  `Against the bundled simulator over loopback, into the same salon (${big.reservations.toLocaleString("en")} reservations).`,
  "",
  `- Inbound: ${applied.toLocaleString("en")} events applied (${registered.toLocaleString("en")} registered) at ${Math.round(eventsPerSecond).toLocaleString("en")} events/s (target ≥ 2,000): ${eventsPerSecond >= 2000 ? "met" : "NOT MET"}`,
  `- Outbound: saved in the app → SALON BOARD's 201, runner defaults, ${PUSHES} reservations: p50 ${pushP50.toFixed(0)} ms, p95 ${pushP95.toFixed(0)} ms (target ≤ 1,000): ${pushP95 <= 1000 ? "met" : "NOT MET"}`,
  `- Polling the schedule's alert (304 while unchanged): ${cpuPerPollMs.toFixed(3)} ms of CPU per request (${Math.round(poll.rps)} req/s at ${CONNECTIONS} connections for ${pollSeconds.toFixed(1)} s); 200 terminals every 10 s = ${(pollShare * 100).toFixed(2)}% of one core (target ≤ 2%): ${pollShare <= 0.02 ? "met" : "NOT MET"}`,
  "",
  "## お客様管理",
  "",
  `60,000 customers in the salon, ${allCustomers.toLocaleString("en")} in the database (other salons added in ${fillSeconds.toFixed(1)} s). First page of each filter at one connection:`,
  "",
  "| filter | p50 ms | p95 ms | KiB sent |",
  "|---|---:|---:|---:|",
  ...customerRows,
  "",
  `- Slowest filter: p95 ${worstFilterP95.toFixed(2)} ms (target ≤ 30): ${worstFilterP95 <= 30 ? "met" : "NOT MET"}`,
  `- Deleting a page of 100 customers with 500 past reservations, in one transaction (20 pages): p50 ${deleteP50.toFixed(1)} ms, p95 ${deleteP95.toFixed(1)} ms (target ≤ 100): ${deleteP95 <= 100 ? "met" : "NOT MET"}`,
  "",
].join("\n");
writeFileSync(new URL("./results.md", import.meta.url), report);
console.log(report);
