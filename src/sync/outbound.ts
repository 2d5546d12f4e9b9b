// Outbound: reservations made in the app are registered in SALON BOARD.
//
// A write to a reservation adds an outbox entry in its own transaction (enqueueOutbound).
// The runner sends each due reservation's *current* state, PUT by externalId or DELETE
// once cancelled, one request at a time per reservation, so changes keep their order
// and a resend after a crash is the same idempotent call. Transient failures are retried
// with exponential backoff and jitter, bounded in attempts and in time; a permanent one
// (or retries exhausted) marks the reservation 失敗 with the peer's reason and raises a
// notice.
import { prepared, type Db } from "../db/client";
import type { Reservation } from "../db/schema";
import { formatMinute } from "../lib/jst";
import { raiseNotice, reservationAtOf, resolveReservationNotices } from "../domain/notices";
import { reservationById } from "../domain/reservations";
import { callSalonBoard, type Connector, type PeerAnswer } from "./client";
import { connectorOf } from "./connections";

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  /** After this long since the change, a transient failure counts as permanent. */
  maxAgeMs: number;
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 12, maxAgeMs: 15 * 60_000, timeoutMs: 5_000 };

/** The externalId the app gives SALON BOARD: stable, opaque, [A-Za-z0-9_-]. */
export const externalIdOf = (r: Pick<Reservation, "id">) => `tsunagu-${r.id}`;
export const reservationIdOfExternal = (externalId: string): number | null => {
  const m = /^tsunagu-(\d+)$/.exec(externalId);
  return m ? Number(m[1]) : null;
};

/**
 * Called inside the transaction that wrote the reservation. Reservations from SALON
 * BOARD, and ones staff already copied there by hand, are never pushed.
 */
export function enqueueOutbound(db: Db, r: Reservation, now: Date): void {
  if (r.origin !== "app" || r.transcribedAt !== null) return;
  const connected = prepared<{ n: number }>(db, "SELECT count(*) AS n FROM salonboard_connections WHERE salon_id = ? AND enabled = 1").get(r.salonId)!.n > 0;
  if (!connected) return;
  prepared(db, "INSERT INTO sync_outbox (salon_id, reservation_id, next_attempt_at, created_at) VALUES (?, ?, ?, ?)").run(r.salonId, r.id, now.getTime(), now.getTime());
  prepared(db, "UPDATE reservations SET sync_state = 'pending' WHERE id = ?").run(r.id);
}

interface Due {
  id: number;
  salon_id: number;
  reservation_id: number;
  attempts: number;
  created_at: number;
}

/** The oldest due entry of each reservation that has one, oldest first. */
export function dueEntries(db: Db, now: Date, limit: number, busy: ReadonlySet<number>): Due[] {
  const rows = prepared<Due>(
    db,
    `SELECT o.id, o.salon_id, o.reservation_id, o.attempts, o.created_at
       FROM sync_outbox o
      WHERE o.next_attempt_at <= ?
        AND o.id = (SELECT min(id) FROM sync_outbox WHERE reservation_id = o.reservation_id)
      ORDER BY o.next_attempt_at, o.id
      LIMIT ?`,
  ).all(now.getTime(), limit + busy.size);
  return rows.filter((r) => !busy.has(r.reservation_id)).slice(0, limit);
}

interface Snapshot {
  reservation: Reservation;
  /** Entries up to this id are covered by what is sent now. */
  coveredId: number;
  request: { method: "PUT" | "DELETE"; path: string; body?: unknown } | { error: string };
}

interface PushRow {
  staff_code: string | null;
  staff_id: number | null;
  coupon_code: string | null;
  kana: string | null;
  kanji: string | null;
  phone: string | null;
}

function snapshot(db: Db, entry: Due): Snapshot | null {
  return db.transaction(() => {
    const reservation = reservationById(db, entry.reservation_id);
    if (!reservation) return null;
    const coveredId = prepared<{ id: number }>(db, "SELECT max(id) AS id FROM sync_outbox WHERE reservation_id = ?").get(entry.reservation_id)!.id;
    const path = `/v1/reservations/by-external-id/${externalIdOf(reservation)}`;
    if (reservation.status === "cancelled") return { reservation, coveredId, request: { method: "DELETE" as const, path } };
    const row = prepared<PushRow>(
      db,
      `SELECT s.salonboard_code AS staff_code, r.staff_id, m.salonboard_code AS coupon_code,
              trim(c.last_name_kana || ' ' || c.first_name_kana) AS kana,
              nullif(trim(coalesce(c.last_name, '') || ' ' || coalesce(c.first_name, '')), '') AS kanji, c.phone
         FROM reservations r
         LEFT JOIN staff s ON s.id = r.staff_id
         LEFT JOIN menus m ON m.id = r.menu_id
         LEFT JOIN customers c ON c.id = r.customer_id
        WHERE r.id = ?`,
    ).get(reservation.id)!;
    if (row.staff_id !== null && !row.staff_code) return { reservation, coveredId, request: { error: "スタッフがSALON BOARDのスタッフと紐付いていません" } };
    if (!row.kana) return { reservation, coveredId, request: { error: "お客様のカナ氏名がありません" } };
    const body = {
      startAt: `${reservation.date}T${formatMinute(reservation.startMinute)}`,
      durationMin: reservation.durationMin,
      staffCode: row.staff_code,
      couponCode: row.coupon_code,
      menuName: reservation.menuName || null,
      customer: { nameKana: row.kana, nameKanji: row.kanji, phone: row.phone },
      note: null,
    };
    return { reservation, coveredId, request: { method: "PUT" as const, path, body } };
  });
}

function backoff(policy: RetryPolicy, attempts: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.5 + Math.random())); // jitter: terminals that failed together do not retry together
}

export type PushOutcome = "sent" | "retry" | "failed" | "gone";

/** Sends one due reservation and records what happened. */
export async function pushEntry(db: Db, clock: () => Date, entry: Due, policy: RetryPolicy = DEFAULT_RETRY): Promise<PushOutcome> {
  const connector = connectorOf(db, entry.salon_id);
  const snap = snapshot(db, entry);
  if (!snap || !connector) {
    prepared(db, "DELETE FROM sync_outbox WHERE reservation_id = ?").run(entry.reservation_id);
    return "gone";
  }
  const answer: PeerAnswer =
    "error" in snap.request
      ? { kind: "permanent", status: 0, code: "LOCAL", message: snap.request.error }
      : await callSalonBoard(connector as Connector, snap.request.method, snap.request.path, snap.request.body, policy.timeoutMs);
  const now = clock();
  return db.transaction(
    (): PushOutcome => {
      const done = answer.kind === "ok" || (answer.kind === "permanent" && answer.status === 404 && "method" in snap.request && snap.request.method === "DELETE");
      if (done) {
        settle(db, snap);
        const no = answer.kind === "ok" && typeof answer.body.reservationNo === "string" ? answer.body.reservationNo.slice(0, 64) : null;
        const newer = prepared<{ n: number }>(db, "SELECT count(*) AS n FROM sync_outbox WHERE reservation_id = ?").get(snap.reservation.id)!.n > 0;
        const taken = no !== null && prepared(db, "SELECT 1 FROM reservations WHERE salon_id = ? AND salonboard_no = ? AND id <> ?").get(snap.reservation.salonId, no, snap.reservation.id);
        prepared(db, "UPDATE reservations SET sync_state = ?, sync_error = NULL, salonboard_no = coalesce(?, salonboard_no) WHERE id = ?").run(
          newer ? "pending" : "ok",
          taken ? null : no,
          snap.reservation.id,
        );
        resolveReservationNotices(db, snap.reservation.id, { resolution: "resent", userId: null, now, direction: "outbound" });
        prepared(db, "UPDATE salonboard_connections SET last_push_at = ? WHERE salon_id = ?").run(now.getTime(), snap.reservation.salonId);
        return "sent";
      }
      const attempts = entry.attempts + 1;
      const exhausted = attempts >= policy.maxAttempts || now.getTime() - entry.created_at >= policy.maxAgeMs;
      if (answer.kind === "transient" && !exhausted) {
        prepared(db, "UPDATE sync_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?").run(attempts, now.getTime() + backoff(policy, attempts), answer.message, entry.id);
        noteConnectionError(db, snap.reservation.salonId, answer.message, now);
        return "retry";
      }
      settle(db, snap);
      const newer = prepared<{ n: number }>(db, "SELECT count(*) AS n FROM sync_outbox WHERE reservation_id = ?").get(snap.reservation.id)!.n > 0;
      if (newer) return "retry"; // staff changed it meanwhile: the newer state gets its own attempt
      const reason = answer.message;
      prepared(db, "UPDATE reservations SET sync_state = 'failed', sync_error = ? WHERE id = ?").run(reason, snap.reservation.id);
      raiseNotice(db, {
        salonId: snap.reservation.salonId,
        direction: "outbound",
        reservationId: snap.reservation.id,
        reason,
        reservationNo: String(snap.reservation.number),
        reservationAt: reservationAtOf(snap.reservation),
        now,
      });
      // A refusal of this reservation says nothing about the connection; a 401 does.
      if (answer.kind === "transient" || answer.status === 401) noteConnectionError(db, snap.reservation.salonId, reason, now);
      return "failed";
    },
    { behavior: "immediate" },
  );
}

/** Drops the entries the sent state covered; later changes keep theirs. */
function settle(db: Db, snap: Snapshot): void {
  prepared(db, "DELETE FROM sync_outbox WHERE reservation_id = ? AND id <= ?").run(snap.reservation.id, snap.coveredId);
}

export function noteConnectionError(db: Db, salonId: number, message: string, now: Date): void {
  prepared(db, "UPDATE salonboard_connections SET last_error = ?, last_error_at = ? WHERE salon_id = ?").run(message, now.getTime(), salonId);
}
