// The sync runner: a few lines that call the domain. The outbox is polled often (a
// cheap indexed query) so a reservation reaches SALON BOARD within a second; events are
// pulled every SYNC_INTERVAL_MS. A failure of the peer never stops either loop.
import type { Db } from "../db/client";
import { connectedSalons } from "./connections";
import { pullEvents } from "./inbound";
import { DEFAULT_RETRY, dueEntries, pushEntry, type RetryPolicy } from "./outbound";

export interface RunnerOptions {
  /** How often events are pulled from SALON BOARD. */
  pullIntervalMs: number;
  /** How often the outbox is looked at. */
  pushPollMs: number;
  /** Requests in flight at once (never two for one reservation). */
  concurrency: number;
  retry: RetryPolicy;
  log?: (message: string) => void;
}

export const DEFAULT_RUNNER: RunnerOptions = { pullIntervalMs: 10_000, pushPollMs: 200, concurrency: 4, retry: DEFAULT_RETRY };

export interface SyncRunner {
  stop(): Promise<void>;
  /** Pulls now (tests and 最新を表示 do not wait for the interval). */
  pullNow(): Promise<void>;
  /** Resolves once nothing is due and nothing is in flight. */
  settled(): Promise<void>;
}

export function startSyncRunner(db: Db, clock: () => Date, options: Partial<RunnerOptions> = {}): SyncRunner {
  const o = { ...DEFAULT_RUNNER, ...options };
  const log = o.log ?? ((m: string) => console.error(m));
  const busy = new Set<number>();
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  let pulling: Promise<void> | null = null;

  function push(): void {
    if (stopped) return;
    const room = o.concurrency - busy.size;
    if (room <= 0) return;
    let due;
    try {
      due = dueEntries(db, clock(), room, busy);
    } catch (e) {
      return log(`送信待ちの確認に失敗しました: ${(e as Error).message}`);
    }
    for (const entry of due) {
      busy.add(entry.reservation_id);
      const job = pushEntry(db, clock, entry, o.retry)
        .catch((e: Error) => log(`予約の送信に失敗しました（予約ID ${entry.reservation_id}）: ${e.message}`))
        .finally(() => {
          busy.delete(entry.reservation_id);
          inFlight.delete(job);
          push();
        });
      inFlight.add(job);
    }
  }

  async function pullAll(): Promise<void> {
    for (const salonId of connectedSalons(db)) {
      // A bounded number of pages per round: a long backlog does not starve the pushes.
      for (let page = 0; page < 20 && !stopped; page++) {
        const result = await pullEvents(db, clock, salonId, o.retry.timeoutMs);
        if (!result.ok || !result.more) break;
      }
    }
  }

  function pull(): Promise<void> {
    pulling ??= pullAll()
      .catch((e: Error) => log(`SALON BOARDからの受信に失敗しました: ${e.message}`))
      .finally(() => (pulling = null));
    return pulling;
  }

  const pushTimer = setInterval(push, o.pushPollMs);
  const pullTimer = setInterval(() => void pull(), o.pullIntervalMs);
  pushTimer.unref();
  pullTimer.unref();
  push();
  void pull();

  return {
    async stop() {
      stopped = true;
      clearInterval(pushTimer);
      clearInterval(pullTimer);
      await Promise.allSettled([...inFlight, pulling]);
    },
    pullNow: pull,
    async settled() {
      for (;;) {
        push();
        if (inFlight.size === 0 && dueEntries(db, clock(), 1, busy).length === 0) return;
        await Promise.race([...inFlight, new Promise((r) => setTimeout(r, o.pushPollMs))]);
      }
    },
  };
}
