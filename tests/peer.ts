// A SALON BOARD peer for tests: the bundled simulator as a real HTTP server on
// 127.0.0.1, connected to the demo salon, and helpers that run the sync on demand.
import { startSalonBoardSim, type FaultKind, type RunningSim } from "../src/salonboard-sim/server";
import type { SimReservation } from "../src/salonboard-sim/simulator";
import { connectSalon } from "../src/sync/connections";
import { pullEvents } from "../src/sync/inbound";
import { DEFAULT_RETRY, dueEntries, pushEntry, type RetryPolicy } from "../src/sync/outbound";
import type { TestWorld } from "./fixtures";

export const PEER_TOKEN = "test-token";
/** Short timeouts: a hanging peer costs a test a fraction of a second. */
export const TEST_RETRY: RetryPolicy = { ...DEFAULT_RETRY, timeoutMs: 300 };

export interface TestPeer {
  running: RunningSim;
  url: string;
  /** Sends everything due now, advancing the fake clock past backoffs, until the outbox is empty or `rounds` ran out. */
  push(rounds?: number): Promise<void>;
  pull(): Promise<void>;
  fail(kinds: FaultKind[]): void;
  booking(input: Partial<SimReservation> & { couponCode?: string | null }): SimReservation;
  reservations(): SimReservation[];
  close(): Promise<void>;
}

export async function startPeer(world: TestWorld, options: { token?: string; capacity?: number } = {}): Promise<TestPeer> {
  const running = await startSalonBoardSim({
    token: PEER_TOKEN,
    staff: [
      { code: "S001", name: "相田" },
      { code: "S002", name: "井川" },
    ],
    coupons: [{ code: "C001", name: "カット+カラー+超音波トリートメント", content: "◇シャンプー・ブロー込", durationMin: 120, price: 13200 }],
    capacity: options.capacity ?? 4,
    openMinute: 10 * 60,
    closeMinute: 20 * 60,
  });
  connectSalon(world.db, world.fx.salons.demo.id, { url: running.url, token: options.token ?? PEER_TOKEN, enabled: true });
  const peer: TestPeer = {
    running,
    url: running.url,
    async push(rounds = 20) {
      for (let i = 0; i < rounds; i++) {
        const due = dueEntries(world.db, world.clock.now(), 10, new Set());
        if (due.length === 0) {
          const waiting = world.db.$client.prepare("SELECT count(*) AS n FROM sync_outbox").get() as { n: number };
          if (waiting.n === 0) return;
          world.clock.advance(TEST_RETRY.maxDelayMs * 2); // past any backoff
          continue;
        }
        for (const entry of due) await pushEntry(world.db, world.clock.now, entry, TEST_RETRY);
      }
    },
    async pull() {
      for (let i = 0; i < 10; i++) {
        const r = await pullEvents(world.db, world.clock.now, world.fx.salons.demo.id, TEST_RETRY.timeoutMs);
        if (!r.ok || !r.more) return;
      }
    },
    fail(kinds) {
      running.faults.push(...kinds);
    },
    booking: (input) => running.sim.addBooking(input),
    reservations: () => running.sim.state().reservations,
    close: () => running.close(),
  };
  return peer;
}
