// A connector that misbehaves, as a real HTTP server on 127.0.0.1: whatever it sends,
// the app never crashes and never silently loses a reservation.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectSalon } from "../../src/sync/connections";
import { pullEvents } from "../../src/sync/inbound";
import { dueEntries, pushEntry } from "../../src/sync/outbound";
import { book, setupWorld, type TestWorld } from "../fixtures";
import { TEST_RETRY } from "../peer";

let world: TestWorld;
let server: Server;
let handler: (req: IncomingMessage, res: ServerResponse) => void;

beforeEach(async () => {
  world = await setupWorld();
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  connectSalon(world.db, world.fx.salons.demo.id, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: "t", enabled: true });
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};
const q = (sql: string) => world.db.$client.prepare(sql).all() as Record<string, unknown>[];
const pull = () => pullEvents(world.db, world.clock.now, world.fx.salons.demo.id, TEST_RETRY.timeoutMs);
const cursor = () => (q("SELECT cursor FROM salonboard_connections")[0] as { cursor: string | null }).cursor;
const events = (list: unknown[], next: string) => (_req: IncomingMessage, res: ServerResponse) => json(res, 200, { events: list, next });

describe("inbound from a connector that misbehaves", () => {
  it("turns an event it cannot read into a notice, skips unknown types, and moves on", async () => {
    handler = events(
      [
        { id: "1", type: "reservation.created", reservation: { reservationNo: "BC1", startAt: "2025-13-45T99:00" } },
        { id: "2", type: "reservation.created" },
        { id: "3", type: "reservation.teleported", reservation: { reservationNo: "BC3" } },
        { id: "4", type: "reservation.created", reservation: { reservationNo: "BC4", startAt: "2025-04-02T15:00", durationMin: "long", customer: {} } },
        { nonsense: true },
      ],
      "5",
    );
    expect(await pull()).toEqual({ ok: true, applied: 4, more: false });
    expect(cursor()).toBe("5");
    expect(q("SELECT reason, reservation_no, reservation_at FROM notices ORDER BY id")).toEqual([
      { reason: "SALON BOARDから受信した予約の内容が正しくありません（来店日時が正しくありません）", reservation_no: "BC1", reservation_at: "不明" },
      { reason: "SALON BOARDから受信した予約の内容が正しくありません（予約番号がありません）", reservation_no: "不明", reservation_at: "不明" },
      { reason: "所要時間が正しくありません", reservation_no: "BC4", reservation_at: "2025-04-02 15:00" },
    ]);
    // BC4 is kept as a 仮登録 with what SALON BOARD sent, for 予約を転記する.
    expect(q("SELECT status, salonboard_no, start_minute FROM reservations")).toEqual([{ status: "provisional", salonboard_no: "BC4", start_minute: 900 }]);
  });

  it("keeps its cursor when the answer is broken, huge or never finishes", async () => {
    handler = (_req, res) => json(res, 200, "{not json");
    expect(await pull()).toEqual({ ok: false, error: "SALON BOARDの応答が正しくありません" });
    handler = (_req, res) => json(res, 200, { events: "many", next: 7 });
    expect(await pull()).toEqual({ ok: false, error: "SALON BOARDの応答が正しくありません（events）" });
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 6; i++) res.write(chunk);
      res.end("{}");
    };
    expect(await pull()).toEqual({ ok: false, error: "SALON BOARDの応答が大きすぎます" });
    handler = (_req, res) => {
      // A slow loris: headers at once, then a byte now and then, forever.
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"events":[');
      const drip = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(drip));
    };
    const t0 = performance.now();
    expect(await pull()).toEqual({ ok: false, error: "SALON BOARDからの応答がありません（タイムアウト）" });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(cursor()).toBe(null);
    expect(q("SELECT last_error FROM salonboard_connections")).toEqual([{ last_error: "SALON BOARDからの応答がありません（タイムアウト）" }]);
  });
});

describe("outbound to a connector that misbehaves", () => {
  const pushAll = async () => {
    for (const entry of dueEntries(world.db, world.clock.now(), 10, new Set())) await pushEntry(world.db, world.clock.now, entry, TEST_RETRY);
  };

  it("retries a 2xx it cannot read, and fails with the peer's own reason on a 422", async () => {
    handler = (_req, res) => json(res, 201, "<html>ok</html>");
    book(world); // the connection is on: booking writes the outbox entry
    await pushAll();
    expect(q("SELECT attempts, last_error FROM sync_outbox")).toEqual([{ attempts: 1, last_error: "SALON BOARDの応答が正しくありません" }]);
    handler = (_req, res) => json(res, 422, { error: { code: "STAFF_NOT_FOUND", message: "スタッフがSALON BOARDに登録されていません" } });
    world.clock.advanceMinutes(5);
    await pushAll();
    expect(q("SELECT sync_state, sync_error FROM reservations")).toEqual([{ sync_state: "failed", sync_error: "スタッフがSALON BOARDに登録されていません" }]);
    expect(q("SELECT direction, reason FROM notices")).toEqual([{ direction: "outbound", reason: "スタッフがSALON BOARDに登録されていません" }]);
  });
});
