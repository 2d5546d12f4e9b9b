// Inbound: reservations made in SALON BOARD (HPB bookings, or typed in by hand) reach
// the app through GET /v1/events. Events are applied in one transaction together with
// the cursor, deduplicated by event id and by SALON BOARD's 予約番号, and go through the
// same capacity rules as any booking. One that cannot be registered becomes a 仮登録
// holding only its start time and SALON BOARD's whole payload, plus a notice: never a
// silent loss, never a second copy.
import { prepared, type Db } from "../db/client";
import type { Reservation } from "../db/schema";
import { fold, toKatakana } from "../lib/form";
import { formatMinute } from "../lib/jst";
import { normalizePhone } from "../lib/phone";
import { salonDay } from "../domain/capacity";
import { raiseNotice, resolveReservationNotices } from "../domain/notices";
import { findReservation, nextReservationNumber, reservationById, saveReservation, type ReservationInput } from "../domain/reservations";
import { callSalonBoard } from "./client";
import { findConnection } from "./connections";
import { noteConnectionError, reservationIdOfExternal } from "./outbound";

export const EVENTS_PAGE = 500;
/** What is kept of a payload for the transcription form; a correct connector sends far less. */
const MAX_PAYLOAD_CHARS = 32_000;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** "2025-01-20T14:00" -> { date, minute }, or null when it is no real salon-local time. */
export function parseStartAt(v: unknown): { date: string; minute: number } | null {
  const m = typeof v === "string" ? /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(v) : null;
  if (!m) return null;
  const [, date, h, mi] = m as unknown as [string, string, string, string];
  const t = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== date || Number(h) > 23 || Number(mi) > 59) return null;
  return { date, minute: Number(h) * 60 + Number(mi) };
}

function receivedAtOf(v: unknown, fallback: Date): Date {
  const at = parseStartAt(v);
  if (!at) return fallback;
  return new Date(`${at.date}T${formatMinute(at.minute)}:00+09:00`);
}

export type PullResult = { ok: true; applied: number; more: boolean } | { ok: false; error: string };

/** Fetches the next page of events and applies it; the cursor moves in the same transaction. */
export async function pullEvents(db: Db, clock: () => Date, salonId: number, timeoutMs?: number): Promise<PullResult> {
  const connection = findConnection(db, salonId);
  if (!connection || !connection.enabled) return { ok: false, error: "SALON BOARD連携が設定されていません" };
  const cursor = connection.cursor;
  const query = new URLSearchParams({ limit: String(EVENTS_PAGE) });
  if (cursor !== null) query.set("after", cursor);
  const answer = await callSalonBoard(connection, "GET", `/v1/events?${query}`, undefined, timeoutMs);
  const now = clock();
  if (answer.kind !== "ok") {
    noteConnectionError(db, salonId, answer.message, now);
    return { ok: false, error: answer.message };
  }
  const events = answer.body.events;
  const next = answer.body.next;
  if (!Array.isArray(events) || !(next === null || typeof next === "string" || typeof next === "number")) {
    noteConnectionError(db, salonId, "SALON BOARDの応答が正しくありません（events）", now);
    return { ok: false, error: "SALON BOARDの応答が正しくありません（events）" };
  }
  const applied = db.transaction(
    () => {
      // Another puller got here first: its transaction applied these already.
      const current = prepared<{ cursor: string | null }>(db, "SELECT cursor FROM salonboard_connections WHERE salon_id = ?").get(salonId);
      if (!current || current.cursor !== cursor) return 0;
      let count = 0;
      for (const event of events) {
        if (!isObject(event) || (typeof event.id !== "string" && typeof event.id !== "number")) continue;
        const id = String(event.id).slice(0, 64);
        const seen = prepared(db, "SELECT 1 FROM sync_inbound_events WHERE salon_id = ? AND event_id = ?").get(salonId, id);
        if (seen) continue;
        applyEvent(db, salonId, event, now);
        prepared(db, "INSERT INTO sync_inbound_events (salon_id, event_id, applied_at) VALUES (?, ?, ?)").run(salonId, id, now.getTime());
        count++;
      }
      const last = events.length > 0 && isObject(events[events.length - 1]) ? (events[events.length - 1] as Json).id : undefined;
      const moved = next !== null ? String(next) : last !== undefined ? String(last) : cursor;
      prepared(db, "UPDATE salonboard_connections SET cursor = ?, last_pull_at = ? WHERE salon_id = ?").run(moved, now.getTime(), salonId);
      return count;
    },
    { behavior: "immediate" },
  );
  return { ok: true, applied, more: events.length >= EVENTS_PAGE };
}

function byNumber(db: Db, salonId: number, no: string): Reservation | undefined {
  const id = prepared<{ id: number }>(db, "SELECT id FROM reservations WHERE salon_id = ? AND salonboard_no = ?").get(salonId, no)?.id;
  return id === undefined ? undefined : reservationById(db, id);
}

function malformed(db: Db, salonId: number, reservation: unknown, reason: string, now: Date): void {
  const r = isObject(reservation) ? reservation : {};
  const at = parseStartAt(r.startAt);
  raiseNotice(db, {
    salonId,
    direction: "inbound",
    reservationId: null,
    reason,
    reservationNo: str(r.reservationNo)?.slice(0, 64) ?? "不明",
    reservationAt: at ? `${at.date} ${formatMinute(at.minute)}` : "不明",
    now,
  });
}

export function applyEvent(db: Db, salonId: number, event: Json, now: Date): void {
  const type = event.type;
  if (type !== "reservation.created" && type !== "reservation.changed" && type !== "reservation.cancelled") return; // unknown types are ignored
  const r = event.reservation;
  if (!isObject(r) || !str(r.reservationNo)) return malformed(db, salonId, r, "SALON BOARDから受信した予約の内容が正しくありません（予約番号がありません）", now);
  const no = str(r.reservationNo)!.slice(0, 64);

  const externalId = str(r.externalId);
  if (externalId !== null) return applyEcho(db, salonId, type, externalId, no, now);

  const existing = byNumber(db, salonId, no);
  if (type === "reservation.cancelled") {
    if (existing && (existing.status === "provisional" || existing.status === "booked")) {
      prepared(db, "UPDATE reservations SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?").run(now.getTime(), now.getTime(), existing.id);
      resolveReservationNotices(db, existing.id, { resolution: "cancelled", userId: null, now, direction: "inbound" });
    }
    return;
  }
  if (existing) {
    if (existing.status === "cancelled") return;
    return register(db, salonId, no, r, existing, now);
  }
  if (linkHandTyped(db, salonId, no, r, now)) return;
  register(db, salonId, no, r, null, now);
}

/** The app's own reservation echoed back: never imported; a cancellation made in SALON BOARD is applied. */
function applyEcho(db: Db, salonId: number, type: string, externalId: string, no: string, now: Date): void {
  const id = reservationIdOfExternal(externalId);
  const ours = id === null ? undefined : findReservation(db, salonId, id);
  if (!ours) return;
  if (ours.salonboardNo === null && !byNumber(db, salonId, no)) prepared(db, "UPDATE reservations SET salonboard_no = ? WHERE id = ?").run(no, ours.id);
  if (type === "reservation.cancelled" && ours.status === "booked") {
    const pending = prepared(db, "SELECT 1 FROM sync_outbox WHERE reservation_id = ?").get(ours.id);
    if (!pending) prepared(db, "UPDATE reservations SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?").run(now.getTime(), now.getTime(), ours.id);
  }
}

/**
 * A reservation staff typed into SALON BOARD by hand while resolving an outbound failure
 * comes back with externalId null: it is the failed one, not a new booking.
 */
function linkHandTyped(db: Db, salonId: number, no: string, r: Json, now: Date): boolean {
  const at = parseStartAt(r.startAt);
  const customer = isObject(r.customer) ? r.customer : {};
  if (!at) return false;
  const phone = str(customer.phone) ? normalizePhone(str(customer.phone)!) : null;
  const kana = str(customer.nameKana) ? foldKana(str(customer.nameKana)!) : null;
  const candidates = prepared<{ id: number; phone: string | null; kana: string }>(
    db,
    `SELECT r.id, c.phone, c.last_name_kana || c.first_name_kana AS kana
       FROM reservations r JOIN customers c ON c.id = r.customer_id
      WHERE r.salon_id = ? AND r.date = ? AND r.start_minute = ? AND r.sync_state = 'failed'
        AND r.salonboard_no IS NULL AND r.status IN ('booked','visited','paid')`,
  ).all(salonId, at.date, at.minute);
  const match = candidates.find((c) => (phone !== null && c.phone === phone) || (kana !== null && foldKana(c.kana) === kana));
  if (!match) return false;
  prepared(db, "UPDATE reservations SET salonboard_no = ?, sync_state = 'ok', sync_error = NULL, transcribed_at = coalesce(transcribed_at, ?) WHERE id = ?").run(no, now.getTime(), match.id);
  prepared(db, "DELETE FROM sync_outbox WHERE reservation_id = ?").run(match.id);
  resolveReservationNotices(db, match.id, { resolution: "linked", userId: null, now, direction: "outbound" });
  return true;
}

const foldKana = (s: string) => toKatakana(fold(s)).replace(/[\s・]/g, "");

interface Mapped {
  input: ReservationInput;
  reason: string | null;
}

/** Maps SALON BOARD's reservation onto the app's: codes to staff and menus, the customer by phone or name. */
function mapReservation(db: Db, salonId: number, r: Json, existing: Reservation | null): { at: { date: string; minute: number } | null; mapped: Mapped } {
  const at = parseStartAt(r.startAt);
  const day = at ? salonDay(db, salonId, at.date) : null;
  const duration = Number.isInteger(r.durationMin) && (r.durationMin as number) > 0 && (r.durationMin as number) <= 24 * 60 ? (r.durationMin as number) : null;
  const coupon = isObject(r.coupon) ? r.coupon : null;
  const customer = isObject(r.customer) ? r.customer : null;
  let reason: string | null = null;
  const fail = (why: string) => (reason ??= why);

  if (!at) fail("来店日時が正しくありません");
  if (duration === null) fail("所要時間が正しくありません");

  const staffCode = str(r.staffCode);
  const staffRow = staffCode === null ? null : prepared<{ id: number }>(db, "SELECT id FROM staff WHERE salon_id = ? AND salonboard_code = ? AND active = 1").get(salonId, staffCode);
  if (staffCode !== null && !staffRow) fail(`スタッフ（${staffCode}）が紐付いていません`);

  const couponCode = coupon ? str(coupon.code) : null;
  const menuRow = couponCode === null ? null : prepared<{ id: number; name: string; content: string }>(db, "SELECT id, name, content FROM menus WHERE salon_id = ? AND salonboard_code = ?").get(salonId, couponCode);
  if (couponCode !== null && !menuRow) fail(`クーポン（${couponCode}）が紐付いていません`);

  const kana = customer ? str(customer.nameKana) : null;
  if (!kana && !existing?.customerId) fail("お客様のカナ氏名がありません");

  if (at && day && duration !== null && !reason) {
    if (!day.isOpen) fail("定休日です");
    else if (at.minute < day.openMinute || at.minute + duration > day.closeMinute) fail("営業時間外です");
  }
  const input: ReservationInput = {
    customerId: existing?.customerId ?? null,
    newCustomer: null,
    staffId: staffRow?.id ?? null,
    facilityId: existing?.facilityId ?? null,
    menuId: menuRow?.id ?? null,
    menuName: menuRow?.name ?? (coupon ? (str(coupon.name) ?? "") : ""),
    menuContent: menuRow?.content ?? (coupon ? (str(coupon.content) ?? "") : ""),
    date: at?.date ?? "",
    startMinute: at?.minute ?? 0,
    durationMin: duration ?? day?.slotMinutes ?? 30,
    route: r.route === "web" ? "web" : "HPB",
    status: "booked",
    visitMemo: existing?.visitMemo ?? str(r.note) ?? "",
  };
  if (!reason && customer && kana && input.customerId === null) {
    const phone = str(customer.phone) ? normalizePhone(str(customer.phone)!) : null;
    const known = phone ? prepared<{ id: number }>(db, "SELECT id FROM customers WHERE salon_id = ? AND phone = ? ORDER BY id LIMIT 1").get(salonId, phone) : undefined;
    if (known) input.customerId = known.id;
    else {
      const [lastKana = "", ...restKana] = toKatakana(fold(kana)).split(/\s+/);
      const kanji = str(customer.nameKanji);
      const [lastName = null, ...restName] = kanji ? fold(kanji).split(/\s+/) : [];
      input.newCustomer = {
        lastName,
        firstName: restName.join(" ") || null,
        lastNameKana: lastKana,
        firstNameKana: restKana.join(" "),
        phone,
        registrationRoute: "HPB",
      };
    }
  }
  return { at, mapped: { input, reason } };
}

/** Registers (or updates) a SALON BOARD reservation, or keeps it as a 仮登録 with a notice. */
function register(db: Db, salonId: number, no: string, r: Json, existing: Reservation | null, now: Date): void {
  const { at, mapped } = mapReservation(db, salonId, r, existing);
  if (!at) return malformed(db, salonId, r, `SALON BOARDから受信した予約の内容が正しくありません（${mapped.reason}）`, now);
  const payload = JSON.stringify(r).slice(0, MAX_PAYLOAD_CHARS);
  const fromSalonBoard = { origin: "salonboard" as const, salonboardNo: no, salonboardPayload: payload, receivedAt: receivedAtOf(r.receivedAt, now) };
  let reason: string = mapped.reason ?? "";
  if (!mapped.reason && existing?.status !== "provisional") {
    const saved = saveReservation(db, () => now, salonId, mapped.input, existing, fromSalonBoard);
    if (saved.ok) {
      prepared(db, "UPDATE reservations SET sync_state = 'ok', sync_error = NULL WHERE id = ?").run(saved.reservation.id);
      return;
    }
    reason = Object.values(saved.errors)[0] ?? "予約を登録できませんでした";
  }
  // A 仮登録: only the start time, SALON BOARD's payload for 予約を転記する.
  const why = reason || existing?.syncError || "予約を登録できませんでした";
  const row = {
    date: at.date,
    minute: at.minute,
    duration: mapped.input.durationMin,
    menuName: mapped.input.menuName,
  };
  let id: number;
  if (existing) {
    prepared(
      db,
      `UPDATE reservations SET status = 'provisional', date = ?, start_minute = ?, duration_min = ?, end_minute = ?, menu_name = ?,
              salonboard_payload = ?, sync_state = 'failed', sync_error = ?, updated_at = ? WHERE id = ?`,
    ).run(row.date, row.minute, row.duration, row.minute + row.duration, row.menuName, payload, why, now.getTime(), existing.id);
    id = existing.id;
  } else {
    const number = nextReservationNumber(db, salonId);
    id = Number(
      prepared(
        db,
        `INSERT INTO reservations (salon_id, number, date, start_minute, duration_min, end_minute, menu_name, status, route, received_at, updated_at,
                                   origin, salonboard_no, salonboard_payload, sync_state, sync_error)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'provisional', ?, ?, ?, 'salonboard', ?, ?, 'failed', ?)`,
      ).run(salonId, number, row.date, row.minute, row.duration, row.minute + row.duration, row.menuName, mapped.input.route, fromSalonBoard.receivedAt.getTime(), now.getTime(), no, payload, why)
        .lastInsertRowid,
    );
  }
  raiseNotice(db, {
    salonId,
    direction: "inbound",
    reservationId: id,
    reason: why,
    reservationNo: no,
    reservationAt: `${at.date} ${formatMinute(at.minute)}`,
    now,
  });
}
