import { prepared, preparedQuery, type Db } from "../db/client";
import {
  facilities,
  menus,
  reservations,
  staff,
  type Customer,
  type Reservation,
  type ReservationRoute,
  type ReservationStatus,
} from "../db/schema";
import type { Clock } from "../lib/clock";
import { FormReader, type FieldErrors, type FormValues } from "../lib/form";
import { formatMinute, isRealDate, parseMinute, WEEKDAYS, weekdayOf } from "../lib/jst";
import { capacityMessage, findCapacityConflict, OCCUPYING_STATUSES, salonDay } from "./capacity";
import { findCustomer, insertCustomer, readNewCustomer, type NewCustomer } from "./customers";
import { eq, sql } from "drizzle-orm";
import { enqueueOutbound } from "../sync/outbound";

export const STATUS_LABELS: Record<ReservationStatus, string> = {
  provisional: "仮登録",
  booked: "受付待ち",
  visited: "来店",
  paid: "会計済",
  cancelled: "キャンセル",
  no_show: "無断キャンセル",
};

/** Routes staff can pick; web and HPB arrive from outside. */
export const STAFF_ROUTES = ["電話", "店頭", "管理画面"] as const satisfies readonly ReservationRoute[];
/** Statuses staff can set on 変更; キャンセル has its own action. */
export const CHANGEABLE_STATUSES = ["booked", "visited", "paid", "no_show"] as const satisfies readonly ReservationStatus[];
/** 予約中: an active reservation, which blocks deleting its customer. */
export const ACTIVE_STATUSES = ["provisional", "booked"] as const satisfies readonly ReservationStatus[];

export interface ReservationInput {
  customerId: number | null;
  newCustomer: NewCustomer | null;
  staffId: number | null;
  facilityId: number | null;
  menuId: number | null;
  menuName: string;
  menuContent: string;
  date: string;
  startMinute: number;
  durationMin: number;
  route: ReservationRoute;
  status: ReservationStatus;
  visitMemo: string;
}

export type SaveResult = { ok: true; reservation: Reservation } | { ok: false; errors: FieldErrors };

/** What only the SALON BOARD importer sets on a reservation. */
export interface SalonBoardFields {
  origin: "salonboard";
  salonboardNo: string;
  salonboardPayload: string | null;
  /** 予約受信日時 as SALON BOARD received it. */
  receivedAt: Date;
}

function idOf(form: FormReader, name: string): number | null | "invalid" {
  const raw = (form.values[name] ?? "").trim();
  if (raw === "") return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : "invalid";
}

/**
 * Reads the 新規予約 / 変更 form. Every id is looked up within the salon: another salon's
 * stylist or menu is as unknown as a made-up one.
 */
export function readReservationForm(db: Db, salonId: number, values: FormValues, existing: Reservation | null): { input: ReservationInput | null; errors: FieldErrors } {
  const form = new FormReader(values);

  const customerId = idOf(form, "customerId");
  const route = existing ? existing.route : form.oneOf("route", { label: "予約経路", options: STAFF_ROUTES });
  let newCustomer: NewCustomer | null = null;
  if (customerId === "invalid" || (customerId !== null && !findCustomer(db, salonId, customerId))) {
    form.fail("customerId", "選択したお客様が見つかりません。もう一度検索してください。");
  } else if (customerId === null) {
    newCustomer = readNewCustomer(form, route === "電話" ? "電話" : route === "店頭" ? "店頭" : "管理画面");
    if (!newCustomer && !(existing && existing.customerId === null)) {
      form.fail("customerId", "お客様を検索して選択するか、新規のお客様を入力してください。");
    }
  }

  const staffId = idOf(form, "staffId");
  const staffRow = typeof staffId === "number" ? db.select().from(staff).where(eq(staff.id, staffId)).get() : undefined;
  if (staffId === "invalid" || (staffId !== null && (!staffRow || staffRow.salonId !== salonId || !staffRow.active))) {
    form.fail("staffId", "選択したスタッフが見つかりません。一覧から選び直してください。");
  }
  const facilityId = idOf(form, "facilityId");
  const facilityRow = typeof facilityId === "number" ? db.select().from(facilities).where(eq(facilities.id, facilityId)).get() : undefined;
  if (facilityId === "invalid" || (facilityId !== null && (!facilityRow || facilityRow.salonId !== salonId || !facilityRow.active))) {
    form.fail("facilityId", "選択した設備が見つかりません。一覧から選び直してください。");
  }
  const menuId = idOf(form, "menuId");
  const menuRow = typeof menuId === "number" ? db.select().from(menus).where(eq(menus.id, menuId)).get() : undefined;
  if (menuId === null) form.fail("menuId", "クーポン・メニューを選択してください。");
  else if (menuId === "invalid" || !menuRow || menuRow.salonId !== salonId || (!menuRow.active && menuRow.id !== existing?.menuId)) {
    form.fail("menuId", "選択したクーポン・メニューが見つかりません。一覧から選び直してください。");
  }

  const date = (values.date ?? "").normalize("NFKC").trim().replace(/\//g, "-");
  if (date === "") form.fail("date", "来店日を入力してください。");
  else if (!isRealDate(date)) form.fail("date", "来店日を「2025-04-02」の形で、実在する日付で入力してください。");

  const timeText = (values.time ?? "").normalize("NFKC").trim();
  const startMinute = parseMinute(timeText);
  if (timeText === "") form.fail("time", "来店時刻を入力してください。");
  else if (startMinute === null) form.fail("time", "来店時刻を「11:00」の形で入力してください。");

  const durationText = (values.durationMin ?? "").trim();
  const durationMin =
    durationText === "" && menuRow ? menuRow.durationMin : form.int("durationMin", { label: "所要時間", min: 5, max: 720, unit: "分" });

  const status = existing
    ? existing.status === "provisional" || existing.status === "cancelled"
      ? existing.status
      : form.oneOf("status", { label: "ステータス", options: CHANGEABLE_STATUSES })
    : "booked";
  const visitMemo = form.text("visitMemo", { label: "来店時メモ", max: 1000 });

  // Business hours, once the date and time themselves are right.
  if (!form.errors.date && !form.errors.time && startMinute !== null) {
    const day = salonDay(db, salonId, date);
    if (!day.isOpen) form.fail("date", `${WEEKDAYS[weekdayOf(date)]}曜日は定休日のため予約できません。`);
    else if (startMinute % day.slotMinutes !== 0) form.fail("time", `来店時刻は${day.slotMinutes}分単位で入力してください。`);
    else if (startMinute < day.openMinute || startMinute >= day.closeMinute) {
      form.fail("time", `来店時刻が営業時間（${formatMinute(day.openMinute)}〜${formatMinute(day.closeMinute)}）の外です。`);
    } else if (!form.errors.durationMin && startMinute + durationMin > day.closeMinute) {
      form.fail("durationMin", `所要時間が閉店時刻（${formatMinute(day.closeMinute)}）を超えています。`);
    }
  }

  if (!form.ok || startMinute === null) return { input: null, errors: form.errors };
  return {
    input: {
      customerId: typeof customerId === "number" ? customerId : existing && !newCustomer ? existing.customerId : null,
      newCustomer,
      staffId: staffRow?.id ?? null,
      facilityId: facilityRow?.id ?? null,
      menuId: menuRow?.id ?? null,
      menuName: menuRow?.name ?? "",
      menuContent: menuRow?.content ?? "",
      date,
      startMinute,
      durationMin,
      route,
      status,
      visitMemo,
    },
    errors: {},
  };
}

/**
 * Writes a reservation: the capacity check and the write are one IMMEDIATE transaction,
 * so two terminals (or a terminal and SALON BOARD) can never both take the last place.
 */
export function saveReservation(
  db: Db,
  clock: Clock,
  salonId: number,
  input: ReservationInput,
  existing: Reservation | null,
  fromSalonBoard: SalonBoardFields | null = null,
): SaveResult {
  return db.transaction(
    (): SaveResult => {
      const endMinute = input.startMinute + input.durationMin;
      if ((OCCUPYING_STATUSES as readonly string[]).includes(input.status)) {
        const conflict = findCapacityConflict(db, salonId, { ...input, endMinute }, existing?.id ?? null);
        if (conflict) {
          const day = salonDay(db, salonId, input.date);
          return { ok: false, errors: { time: capacityMessage(conflict, day.slotMinutes) } };
        }
      }
      const now = clock();
      const customerId = input.newCustomer ? insertCustomer(db, salonId, input.newCustomer).id : input.customerId;
      // Plain prepared statements: this runs for every booking and every SALON BOARD event.
      const row = [
        customerId,
        input.staffId,
        input.facilityId,
        input.menuId,
        input.menuName,
        input.menuContent,
        input.date,
        input.startMinute,
        input.durationMin,
        endMinute,
        input.status,
        input.route,
        input.visitMemo,
        now.getTime(),
      ];
      const sb = fromSalonBoard ? [fromSalonBoard.origin, fromSalonBoard.salonboardNo, fromSalonBoard.salonboardPayload] : [null, null, null];
      let id: number;
      if (existing) {
        prepared(
          db,
          `UPDATE reservations SET customer_id = ?, staff_id = ?, facility_id = ?, menu_id = ?, menu_name = ?, menu_content = ?, date = ?,
                  start_minute = ?, duration_min = ?, end_minute = ?, status = ?, route = ?, visit_memo = ?, updated_at = ?,
                  origin = coalesce(?, origin), salonboard_no = coalesce(?, salonboard_no), salonboard_payload = coalesce(?, salonboard_payload),
                  received_at = coalesce(?, received_at)
            WHERE id = ?`,
        ).run(...row, ...sb, fromSalonBoard?.receivedAt.getTime() ?? null, existing.id);
        id = existing.id;
      } else {
        const number = nextReservationNumber(db, salonId);
        id = Number(
          prepared(
            db,
            `INSERT INTO reservations (customer_id, staff_id, facility_id, menu_id, menu_name, menu_content, date, start_minute, duration_min,
                                       end_minute, status, route, visit_memo, updated_at, origin, salonboard_no, salonboard_payload,
                                       received_at, salon_id, number)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, 'app'), ?, ?, ?, ?, ?)`,
          ).run(...row, ...sb, (fromSalonBoard?.receivedAt ?? now).getTime(), salonId, number).lastInsertRowid,
        );
      }
      const saved = reservationById(db, id)!;
      enqueueOutbound(db, saved, now);
      return { ok: true, reservation: saved };
    },
    { behavior: "immediate" },
  );
}

/** 新規予約 from the form. */
export function bookReservation(db: Db, clock: Clock, salonId: number, values: FormValues): SaveResult {
  const { input, errors } = readReservationForm(db, salonId, values, null);
  if (!input) return { ok: false, errors };
  return saveReservation(db, clock, salonId, input, null);
}

/** 変更 from the form. */
export function changeReservation(db: Db, clock: Clock, reservation: Reservation, values: FormValues): SaveResult {
  if (reservation.status === "cancelled") return { ok: false, errors: { status: "キャンセル済みの予約は変更できません。" } };
  const { input, errors } = readReservationForm(db, reservation.salonId, values, reservation);
  if (!input) return { ok: false, errors };
  return saveReservation(db, clock, reservation.salonId, input, reservation);
}

export type CancelResult = { ok: true; reservation: Reservation } | { ok: false; message: string };

export function cancelReservation(db: Db, clock: Clock, reservation: Reservation): CancelResult {
  if (!(ACTIVE_STATUSES as readonly string[]).includes(reservation.status)) {
    return { ok: false, message: `ステータスが「${STATUS_LABELS[reservation.status]}」の予約はキャンセルできません。` };
  }
  const now = clock();
  return db.transaction(
    () => {
      const updated = db
        .update(reservations)
        .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
        .where(eq(reservations.id, reservation.id))
        .returning()
        .get();
      enqueueOutbound(db, updated, now);
      return { ok: true as const, reservation: updated };
    },
    { behavior: "immediate" },
  );
}

export function updateVisitMemo(db: Db, clock: Clock, reservation: Reservation, values: FormValues): SaveResult {
  const form = new FormReader(values);
  const visitMemo = form.text("visitMemo", { label: "来店時メモ", max: 1000 });
  if (!form.ok) return { ok: false, errors: form.errors };
  const updated = db
    .update(reservations)
    .set({ visitMemo, updatedAt: clock() })
    .where(eq(reservations.id, reservation.id))
    .returning()
    .get();
  return { ok: true, reservation: updated };
}

/** The salon's next 予約番号; call it inside the transaction that inserts the reservation. */
export function nextReservationNumber(db: Db, salonId: number): number {
  return prepared<{ n: number }>(db, "SELECT coalesce(max(number), 0) + 1 AS n FROM reservations WHERE salon_id = ?").get(salonId)!.n;
}

/** A reservation by id, typed; compiled once (every write reads its row back through it). */
export function reservationById(db: Db, id: number): Reservation | undefined {
  return preparedQuery(db, "reservationById", () =>
    db.select().from(reservations).where(eq(reservations.id, sql.placeholder("id"))).prepare(),
  ).get({ id });
}

export function findReservation(db: Db, salonId: number, id: number): Reservation | undefined {
  const r = reservationById(db, id);
  return r && r.salonId === salonId ? r : undefined;
}

/** A reservation as the values of its 変更 form. */
export function reservationFormValues(r: Reservation): FormValues {
  return {
    customerId: r.customerId ? String(r.customerId) : "",
    staffId: r.staffId ? String(r.staffId) : "",
    facilityId: r.facilityId ? String(r.facilityId) : "",
    menuId: r.menuId ? String(r.menuId) : "",
    date: r.date,
    time: formatMinute(r.startMinute),
    durationMin: String(r.durationMin),
    route: r.route,
    status: r.status,
    visitMemo: r.visitMemo,
  };
}

export type { Customer };
