// npm run bench: page timings over real HTTP on loopback, written to tests/perf/results.md.
// Bounded: a fixed number of requests per page, one connection, then it stops.
import { writeFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import Database from "better-sqlite3";
import { Hono } from "hono";
import { buildDeps, createApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import { openDatabase } from "../../src/db/client";
import { prepareFirstStart } from "../../src/domain/bootstrap";
import { systemClock } from "../../src/lib/clock";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WARMUP = 200;

interface Figures {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Figures> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${name}: ${url} answered ${res.status}`);
    if (i >= WARMUP) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const total = times.reduce((a, b) => a + b, 0);
  return { name, p50: at(0.5), p95: at(0.95), p99: at(0.99), rps: (times.length / total) * 1000 };
}

function listen(fetchHandler: (req: Request) => Response | Promise<Response>): Promise<{ url: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, hostname: "127.0.0.1", port: 0 }, (info) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() });
    });
  });
}

// The yardstick: a bare Hono page rendering a 50-row table from SQLite (prepared statement).
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

const config = loadConfig({ ADMIN_PASSWORD: "bench-password-1", SEED_DEMO: "1" });
const db = openDatabase(":memory:");
await prepareFirstStart(db, config, systemClock);
const app = createApp(buildDeps(db, systemClock, config));
const server = await listen(app.fetch);
const baseline = await listen(baselineApp().fetch);

const login = await fetch(`${server.url}/login`, {
  method: "POST",
  redirect: "manual",
  body: new URLSearchParams({ loginId: "admin", password: "bench-password-1" }),
  headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
});
const cookie = login.headers.get("set-cookie")?.split(";")[0];
if (login.status !== 303 || !cookie) throw new Error(`bench sign-in failed: ${login.status}`);

const results = [
  await measure("baseline: bare Hono + better-sqlite3, 50-row table", `${baseline.url}/`),
  await measure("ログイン page (anonymous)", `${server.url}/login`),
  await measure("ホーム (signed in)", `${server.url}/`, { Cookie: cookie }),
  await measure("設定 → スタッフ list (signed in)", `${server.url}/settings/staff`, { Cookie: cookie }),
];
server.close();
baseline.close();

const rows = results.map((r) => `| ${r.name} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${Math.round(r.rps)} |`);
const report = [
  "# Benchmark results",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString()} (Node ${process.version}, ${REQUESTS} requests per page after ${WARMUP} warm-up, one connection over loopback).`,
  "",
  "| page | p50 ms | p95 ms | p99 ms | req/s |",
  "|---|---:|---:|---:|---:|",
  ...rows,
  "",
].join("\n");
writeFileSync(new URL("./results.md", import.meta.url), report);
console.log(report);
