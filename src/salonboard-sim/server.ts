// The simulator as a real HTTP server: the contract under /v1/, and control endpoints
// under /_sim/ (outside the contract) for the demo and the tests, among them faults:
// a 500, a hang past the client's timeout, a reset connection, or success then a hang.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { error, SalonBoardSim, type Answer, type SimOptions } from "./simulator";

export const FAULT_KINDS = ["500", "hang", "reset", "success-then-hang"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const MAX_BODY = 1024 * 1024;

export interface RunningSim {
  sim: SalonBoardSim;
  url: string;
  server: Server;
  /** Faults for the next contract calls, in order. */
  faults: FaultKind[];
  /** Or at random: this share of contract calls fails with one of `kinds`. */
  randomFaults: { rate: number; kinds: FaultKind[] } | null;
  /** How many of each fault were served, and how many contract calls were answered. */
  served: Record<FaultKind | "ok", number>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(null));
  });
}

function send(res: ServerResponse, answer: Answer): void {
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function startSalonBoardSim(options: SimOptions, port = 0, host = "127.0.0.1"): Promise<RunningSim> {
  const sim = new SalonBoardSim(options);
  const hanging = new Set<ServerResponse>();
  const running: RunningSim = {
    sim,
    url: "",
    server: undefined as unknown as Server,
    faults: [],
    randomFaults: null,
    served: { "500": 0, hang: 0, reset: 0, "success-then-hang": 0, ok: 0 },
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        running.server.close(() => resolve());
        running.server.closeAllConnections();
      }),
  };

  function nextFault(): FaultKind | null {
    const queued = running.faults.shift();
    if (queued) return queued;
    const random = running.randomFaults;
    if (random && random.kinds.length > 0 && Math.random() < random.rate) return random.kinds[Math.floor(Math.random() * random.kinds.length)]!;
    return null;
  }

  async function contract(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.headers.authorization !== `Bearer ${sim.token}`) return send(res, error(401, "UNAUTHORIZED", "SALON BOARDの認証情報が正しくありません"));
    const fault = nextFault();
    running.served[fault ?? "ok"]++;
    if (fault === "500") return send(res, error(500, "INTERNAL", "SALON BOARDで一時的なエラーが発生しました"));
    if (fault === "reset") return void req.socket.destroy();
    if (fault === "hang") return void hanging.add(res);
    const text = req.method === "PUT" ? await readBody(req) : "";
    if (text === null) return send(res, error(413, "INVALID", "リクエストが大きすぎます"));
    const answer = route(req.method ?? "GET", url, text);
    if (fault === "success-then-hang") return void hanging.add(res); // applied, never answered
    send(res, answer);
  }

  function route(method: string, url: URL, text: string): Answer {
    const path = url.pathname;
    if (method === "GET" && path === "/v1/staff") return { status: 200, body: { staff: sim.staff } };
    if (method === "GET" && path === "/v1/coupons") return { status: 200, body: { coupons: sim.coupons } };
    if (method === "GET" && path === "/v1/events") {
      const limit = Number(url.searchParams.get("limit") ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) return error(422, "INVALID", "limitは1〜500です");
      return sim.listEvents(url.searchParams.get("after"), limit);
    }
    const m = /^\/v1\/reservations\/by-external-id\/([^/]+)$/.exec(path);
    if (m) {
      const externalId = decodeURIComponent(m[1]!);
      if (method === "PUT") {
        const body = parseJson(text);
        return body === undefined ? error(422, "INVALID", "JSONが正しくありません") : sim.putByExternalId(externalId, body);
      }
      if (method === "DELETE") return sim.deleteByExternalId(externalId);
    }
    return error(404, "NOT_FOUND", "該当するAPIがありません");
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const text = (await readBody(req)) ?? "";
    const body = (parseJson(text || "{}") ?? {}) as Record<string, unknown>;
    const path = url.pathname;
    if (req.method === "GET" && path === "/_sim/state") return send(res, { status: 200, body: sim.state() });
    if (req.method !== "POST") return send(res, error(405, "INVALID", "POSTで呼んでください"));
    if (path === "/_sim/bookings") return send(res, { status: 201, body: sim.addBooking(body) });
    const change = /^\/_sim\/reservations\/([^/]+)\/(change|cancel)$/.exec(path);
    if (change) {
      const r = change[2] === "change" ? sim.change(change[1]!, body) : sim.cancel(change[1]!);
      return send(res, r ? { status: 200, body: r } : error(404, "NOT_FOUND", "該当する予約がありません"));
    }
    if (path === "/_sim/capacity") {
      sim.setCapacity(Number(body.capacity), typeof body.startAt === "string" ? body.startAt : undefined);
      return send(res, { status: 200, body: { ok: true } });
    }
    if (path === "/_sim/faults") {
      const kinds = (Array.isArray(body.kinds) ? body.kinds : []).filter((k): k is FaultKind => (FAULT_KINDS as readonly unknown[]).includes(k));
      if (typeof body.rate === "number") running.randomFaults = body.rate > 0 ? { rate: body.rate, kinds } : null;
      else running.faults.push(...Array.from({ length: Number(body.count ?? 1) }, (_, i) => kinds[i % kinds.length]!).filter(Boolean));
      return send(res, { status: 200, body: { queued: running.faults.length, random: running.randomFaults } });
    }
    if (path === "/_sim/redeliver") {
      sim.redeliverFrom = typeof body.from === "string" ? body.from : null;
      return send(res, { status: 200, body: { ok: true } });
    }
    send(res, error(404, "NOT_FOUND", "該当するAPIがありません"));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sim");
    const handle = url.pathname.startsWith("/_sim/") ? control : contract;
    handle(req, res, url).catch(() => {
      if (!res.headersSent) send(res, error(500, "INTERNAL", "SALON BOARDで一時的なエラーが発生しました"));
    });
  });
  running.server = server;
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      running.url = `http://${host}:${(server.address() as AddressInfo).port}`;
      resolve(running);
    });
  });
}

/** The demo salon's SALON BOARD: the same staff and coupon codes as the demo data. */
export const DEMO_SIM_OPTIONS: Omit<SimOptions, "token"> = {
  staff: [
    { code: "S001", name: "相田" },
    { code: "S002", name: "井川" },
    { code: "S003", name: "内田" },
    { code: "S004", name: "奥田" },
    { code: "S005", name: "神田" },
  ],
  coupons: [
    { code: "C001", name: "カット", content: "◇シャンプー・ブロー込", durationMin: 60, price: 4400 },
    { code: "C002", name: "カット+カラー", content: "◇シャンプー・ブロー込◇全体染め", durationMin: 90, price: 8800 },
    { code: "C003", name: "カット+カラー+超音波トリートメント", content: "◇シャンプー・ブロー込◇全体染め◇白髪染めへの変更可", durationMin: 120, price: 13200 },
    { code: "C004", name: "カット+パーマ", content: "◇シャンプー・ブロー込◇デジタルパーマは+2200", durationMin: 120, price: 11000 },
    { code: "C005", name: "リタッチカラー", content: "◇根元2cmまで", durationMin: 60, price: 5500 },
    { code: "C006", name: "ヘッドスパ", content: "◇炭酸泉◇肩のマッサージ付き", durationMin: 30, price: 3300 },
  ],
  capacity: 4,
  openMinute: 10 * 60,
  closeMinute: 20 * 60,
};
