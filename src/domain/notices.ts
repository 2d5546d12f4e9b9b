import { createHash } from "node:crypto";
import { prepared, type Db } from "../db/client";
import type { NoticeDirection, NoticeResolution, Reservation } from "../db/schema";
import { formatMinute } from "../lib/jst";

// お知らせ: one per failed sync, alerting until staff (or the sync itself) resolve it.

export const NOTICE_PAGE_SIZE = 20;

export const RESOLUTION_LABELS: Record<NoticeResolution, string> = {
  transcribed: "予約を転記しました",
  checked: "予約転記済チェック",
  registered: "予約を転記する（本登録）",
  resent: "再送に成功（自動）",
  cancelled: "SALON BOARDでキャンセル（自動）",
  linked: "SALON BOARDの手入力予約と照合（自動）",
};

/** The message's first line, as in the manual; the product name is configurable. */
export function noticeHeadline(direction: NoticeDirection, appName: string): string {
  return direction === "outbound"
    ? `${appName}からSALON BOARDへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。`
    : `SALON BOARDから${appName}への予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。`;
}

/** The whole message of the seed: first line, what to do, ---reason, 予約番号, 予約日時. */
export function noticeMessage(n: Pick<NoticeView, "direction" | "reason" | "reservationNo" | "reservationAt">, appName: string): string[] {
  const todo =
    n.direction === "outbound"
      ? ["予約一覧より該当の予約情報を確認し", "手動でSALON BOARDへ予約登録をお願いいたします。"]
      : ["予約詳細ページより該当の予約情報を確認し", `手動で${appName}へ予約登録をお願いいたします。`];
  const first = n.direction === "outbound" ? `${appName}からSALON BOARDへの予約連携に失敗しました。` : `SALON BOARDから${appName}への予約連携に失敗しました。`;
  return [first, ...todo, `---${n.reason}`, `予約番号:${n.reservationNo}`, `予約日時:${n.reservationAt}`];
}

export const reservationAtOf = (r: Pick<Reservation, "date" | "startMinute">) => `${r.date} ${formatMinute(r.startMinute)}`;

/** Raises a notice for a reservation, unless one of the same direction is still open (then its reason is updated). */
export function raiseNotice(
  db: Db,
  input: { salonId: number; direction: NoticeDirection; reservationId: number | null; reason: string; reservationNo: string; reservationAt: string; now: Date },
): void {
  const open =
    input.reservationId === null
      ? undefined
      : prepared<{ id: number }>(db, "SELECT id FROM notices WHERE reservation_id = ? AND direction = ? AND resolved_at IS NULL").get(input.reservationId, input.direction);
  if (open) {
    prepared(db, "UPDATE notices SET reason = ?, reservation_no = ?, reservation_at = ? WHERE id = ?").run(input.reason, input.reservationNo, input.reservationAt, open.id);
    return;
  }
  prepared(
    db,
    "INSERT INTO notices (salon_id, direction, reservation_id, reason, reservation_no, reservation_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  ).run(input.salonId, input.direction, input.reservationId, input.reason, input.reservationNo, input.reservationAt, input.now.getTime());
}

/** Resolves the open notices of a reservation (of one direction, or both). */
export function resolveReservationNotices(
  db: Db,
  reservationId: number,
  how: { resolution: NoticeResolution; userId: number | null; now: Date; direction?: NoticeDirection },
): number {
  const direction = how.direction ?? null;
  return prepared(
    db,
    `UPDATE notices SET resolved_at = ?, resolved_by = ?, resolution = ?
      WHERE reservation_id = ? AND resolved_at IS NULL AND (? IS NULL OR direction = ?)`,
  ).run(how.now.getTime(), how.userId, how.resolution, reservationId, direction, direction).changes;
}

export interface NoticeView {
  id: number;
  direction: NoticeDirection;
  reservationId: number | null;
  reason: string;
  reservationNo: string;
  reservationAt: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  resolution: NoticeResolution | null;
  /** The reservation is still a 仮登録 waiting for 予約を転記する. */
  provisional: boolean;
}

interface NoticeRow {
  id: number;
  direction: NoticeDirection;
  reservation_id: number | null;
  reason: string;
  reservation_no: string;
  reservation_at: string;
  created_at: number;
  resolved_at: number | null;
  resolved_by_name: string | null;
  resolution: NoticeResolution | null;
  provisional: number;
}

const NOTICE_SELECT = `
  SELECT n.id, n.direction, n.reservation_id, n.reason, n.reservation_no, n.reservation_at, n.created_at,
         n.resolved_at, u.display_name AS resolved_by_name, n.resolution,
         coalesce(r.status = 'provisional', 0) AS provisional
    FROM notices n
    LEFT JOIN users u ON u.id = n.resolved_by
    LEFT JOIN reservations r ON r.id = n.reservation_id`;

const toView = (r: NoticeRow): NoticeView => ({
  id: r.id,
  direction: r.direction,
  reservationId: r.reservation_id,
  reason: r.reason,
  reservationNo: r.reservation_no,
  reservationAt: r.reservation_at,
  createdAt: new Date(r.created_at),
  resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at),
  resolvedByName: r.resolved_by_name,
  resolution: r.resolution,
  provisional: r.provisional === 1,
});

export function findNotice(db: Db, salonId: number, id: number): NoticeView | undefined {
  const row = prepared<NoticeRow>(db, `${NOTICE_SELECT} WHERE n.id = ? AND n.salon_id = ?`).get(id, salonId);
  return row && toView(row);
}

export function listNotices(db: Db, salonId: number, page: number): { rows: NoticeView[]; total: number; page: number; pages: number } {
  const total = prepared<{ n: number }>(db, "SELECT count(*) AS n FROM notices WHERE salon_id = ?").get(salonId)!.n;
  const pages = Math.max(1, Math.ceil(total / NOTICE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = prepared<NoticeRow>(db, `${NOTICE_SELECT} WHERE n.salon_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ? OFFSET ?`)
    .all(salonId, NOTICE_PAGE_SIZE, (current - 1) * NOTICE_PAGE_SIZE)
    .map(toView);
  return { rows, total, page: current, pages };
}

/** How long the connection may fail before staff are told: one bad answer now and then is retried quietly. */
export const CONNECTION_GRACE_MS = 2 * 60_000;

/**
 * SALON BOARD cannot be reached (wrong token, connector down): nothing syncs in either
 * direction, so staff are told at once, not only in 設定. Null when the connection is well.
 */
export function connectionProblem(db: Db, salonId: number, now: Date): string | null {
  const c = prepared<{ last_error: string | null; last_error_at: number | null; last_ok: number | null }>(
    db,
    `SELECT last_error, last_error_at, max(coalesce(last_pull_at, 0), coalesce(last_push_at, 0)) AS last_ok
       FROM salonboard_connections WHERE salon_id = ? AND enabled = 1`,
  ).get(salonId);
  if (!c?.last_error || c.last_error_at === null) return null;
  const lastOk = c.last_ok ?? 0;
  if (c.last_error_at <= lastOk) return null;
  if (lastOk > 0 && now.getTime() - lastOk < CONNECTION_GRACE_MS) return null;
  return c.last_error;
}

/** Open notices per direction: what ホーム and the schedule's alert show. */
export function openNoticeCounts(db: Db, salonId: number): Record<NoticeDirection, number> {
  const rows = prepared<{ direction: NoticeDirection; n: number }>(
    db,
    "SELECT direction, count(*) AS n FROM notices WHERE salon_id = ? AND resolved_at IS NULL GROUP BY direction",
  ).all(salonId);
  const counts = { outbound: 0, inbound: 0 };
  for (const r of rows) counts[r.direction] = r.n;
  return counts;
}

/** 予約を転記しました: staff copied the reservation into SALON BOARD by hand. */
export function markNoticeTranscribed(db: Db, notice: NoticeView, userId: number, now: Date): { ok: true } | { ok: false; message: string } {
  if (notice.direction !== "outbound" && notice.provisional) return { ok: false, message: "このお知らせは「予約を転記する」で登録してください。" };
  return db.transaction(
    () => {
      if (notice.resolvedAt) return { ok: true as const };
      prepared(db, "UPDATE notices SET resolved_at = ?, resolved_by = ?, resolution = 'transcribed' WHERE id = ? AND resolved_at IS NULL").run(now.getTime(), userId, notice.id);
      if (notice.reservationId !== null && notice.direction === "outbound") {
        // Copied by hand: it must not be pushed again, or SALON BOARD would hold it twice.
        prepared(db, "UPDATE reservations SET transcribed_at = coalesce(transcribed_at, ?), transcribed_by = coalesce(transcribed_by, ?) WHERE id = ?").run(now.getTime(), userId, notice.reservationId);
        prepared(db, "DELETE FROM sync_outbox WHERE reservation_id = ?").run(notice.reservationId);
      }
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}

/**
 * 予約転記済チェック + 変更する: staff copied a reservation that failed to sync into SALON
 * BOARD by hand. Its outbound notice is resolved; it is not pushed again (SALON BOARD
 * would hold it twice). Unticking reopens the notice that the tick resolved.
 */
export function setTranscribed(db: Db, r: Reservation, userId: number, transcribed: boolean, now: Date): { ok: true } | { ok: false; message: string } {
  if (r.origin !== "app" || r.syncState !== "failed") return { ok: false, message: "連携に失敗した予約ではありません。" };
  return db.transaction(
    () => {
      if (transcribed) {
        prepared(db, "UPDATE reservations SET transcribed_at = ?, transcribed_by = ? WHERE id = ? AND transcribed_at IS NULL").run(now.getTime(), userId, r.id);
        prepared(db, "DELETE FROM sync_outbox WHERE reservation_id = ?").run(r.id);
        resolveReservationNotices(db, r.id, { resolution: "checked", userId, now, direction: "outbound" });
      } else {
        prepared(db, "UPDATE reservations SET transcribed_at = NULL, transcribed_by = NULL WHERE id = ?").run(r.id);
        prepared(
          db,
          `UPDATE notices SET resolved_at = NULL, resolved_by = NULL, resolution = NULL
            WHERE id = (SELECT max(id) FROM notices WHERE reservation_id = ? AND direction = 'outbound' AND resolution = 'checked')`,
        ).run(r.id);
      }
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}

/** What the polled alerts show: open notices per direction and a connection problem. */
export interface SyncAlert {
  outbound: number;
  inbound: number;
  problem: string | null;
}

export function syncAlert(db: Db, salonId: number, now: Date): SyncAlert {
  return { ...openNoticeCounts(db, salonId), problem: connectionProblem(db, salonId, now) };
}

/** The version of an alert: polling terminals get a 304 until it changes. */
export function syncAlertEtag(a: SyncAlert): string {
  return `"alert-${a.outbound}-${a.inbound}-${createHash("sha1").update(a.problem ?? "").digest("base64url").slice(0, 10)}"`;
}
