import { prepared, type Db } from "../db/client";
import { RESERVATION_ROUTES, RESERVATION_STATUSES, SYNC_STATES, type Reservation, type ReservationRoute, type ReservationStatus, type SyncState } from "../db/schema";
import { addDays } from "../lib/jst";
import { salonDay, type SalonDay } from "./capacity";

// Read models: what the schedule, 予約一覧, 予約詳細 and ホーム show. Plain SQL through
// prepared statements: these pages are opened all day on every terminal.

/** A reservation with the names staff read next to it. */
export interface ReservationView {
  id: number;
  number: number;
  date: string;
  startMinute: number;
  endMinute: number;
  durationMin: number;
  status: ReservationStatus;
  route: ReservationRoute;
  menuName: string;
  menuContent: string;
  visitMemo: string;
  receivedAt: Date;
  staffId: number | null;
  staffName: string | null;
  facilityId: number | null;
  facilityName: string | null;
  customerId: number | null;
  customerNo: number | null;
  customerName: string | null;
  customerKana: string | null;
  origin: "app" | "salonboard";
  salonboardNo: string | null;
  syncState: SyncState | null;
  syncError: string | null;
  transcribedAt: Date | null;
}

/** Who the reservation is for, when nobody is: a 仮登録 waiting for 予約を転記する, or a customer since deleted. */
export const noCustomerLabel = (r: Pick<ReservationView, "status">) => (r.status === "provisional" ? "お客様未登録" : "削除済みのお客様");

export const SYNC_LABELS: Record<SyncState, string> = { ok: "成功", failed: "失敗", pending: "送信待ち" };

/** 予約番号 as staff know it: SALON BOARD's for a reservation that came from there. */
export const displayNumber = (r: Pick<ReservationView, "origin" | "salonboardNo" | "number">) =>
  r.origin === "salonboard" && r.salonboardNo ? r.salonboardNo : String(r.number);

const VIEW_SELECT = `
  SELECT r.id, r.number, r.date, r.start_minute, r.end_minute, r.duration_min, r.status, r.route,
         r.menu_name, r.menu_content, r.visit_memo, r.received_at,
         r.staff_id, s.name AS staff_name, r.facility_id, f.name AS facility_name,
         r.customer_id, c.customer_no,
         trim(coalesce(c.last_name, '') || ' ' || coalesce(c.first_name, '')) AS customer_kanji,
         trim(c.last_name_kana || ' ' || c.first_name_kana) AS customer_kana,
         r.origin, r.salonboard_no, r.sync_state, r.sync_error, r.transcribed_at
    FROM reservations r
    LEFT JOIN staff s ON s.id = r.staff_id
    LEFT JOIN facilities f ON f.id = r.facility_id
    LEFT JOIN customers c ON c.id = r.customer_id`;

interface ViewRow {
  id: number;
  number: number;
  date: string;
  start_minute: number;
  end_minute: number;
  duration_min: number;
  status: ReservationStatus;
  route: ReservationRoute;
  menu_name: string;
  menu_content: string;
  visit_memo: string;
  received_at: number;
  staff_id: number | null;
  staff_name: string | null;
  facility_id: number | null;
  facility_name: string | null;
  customer_id: number | null;
  customer_no: number | null;
  customer_kanji: string | null;
  customer_kana: string | null;
  origin: "app" | "salonboard";
  salonboard_no: string | null;
  sync_state: SyncState | null;
  sync_error: string | null;
  transcribed_at: number | null;
}

function toView(r: ViewRow): ReservationView {
  return {
    id: r.id,
    number: r.number,
    date: r.date,
    startMinute: r.start_minute,
    endMinute: r.end_minute,
    durationMin: r.duration_min,
    status: r.status,
    route: r.route,
    menuName: r.menu_name,
    menuContent: r.menu_content,
    visitMemo: r.visit_memo,
    receivedAt: new Date(r.received_at),
    staffId: r.staff_id,
    staffName: r.staff_name,
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    customerId: r.customer_id,
    customerNo: r.customer_no,
    customerName: r.customer_id === null ? null : r.customer_kanji || r.customer_kana,
    customerKana: r.customer_kana,
    origin: r.origin,
    salonboardNo: r.salonboard_no,
    syncState: r.sync_state,
    syncError: r.sync_error,
    transcribedAt: r.transcribed_at === null ? null : new Date(r.transcribed_at),
  };
}

export function reservationView(db: Db, r: Reservation): ReservationView {
  return toView(prepared<ViewRow>(db, `${VIEW_SELECT} WHERE r.id = ?`).get(r.id)!);
}

/** 来店回数: visits that happened (来店 or 会計済). */
export function visitCount(db: Db, customerId: number): number {
  return prepared<{ n: number }>(db, "SELECT count(*) AS n FROM reservations WHERE customer_id = ? AND status IN ('visited','paid')").get(customerId)!.n;
}

// ---------------------------------------------------------------- 日次スケジュール

export interface Badge {
  view: ReservationView;
  /** Index of the first slot row, and how many rows it spans. */
  row: number;
  span: number;
}

export interface ScheduleColumn {
  key: string;
  label: string;
  capacityLabel: string;
  staffId: number | null;
  facilityId: number | null;
  /** Each lane is one sub-column; badges in a lane never overlap. */
  lanes: Badge[][];
}

export interface DailySchedule {
  day: SalonDay;
  /** Per slot: how many reservations cover it. */
  counts: number[];
  columns: ScheduleColumn[];
}

function packLanes(badges: Badge[], minLanes: number): Badge[][] {
  const lanes: Badge[][] = Array.from({ length: Math.max(1, minLanes) }, () => []);
  for (const b of [...badges].sort((x, y) => x.row - y.row || y.span - x.span)) {
    let lane = lanes.find((l) => {
      const last = l[l.length - 1];
      return !last || last.row + last.span <= b.row;
    });
    if (!lane) lanes.push((lane = []));
    lane.push(b);
  }
  return lanes;
}

export function dailySchedule(db: Db, salonId: number, date: string): DailySchedule {
  const day = salonDay(db, salonId, date);
  const views = prepared<ViewRow>(
    db,
    `${VIEW_SELECT} WHERE r.salon_id = ? AND r.date = ? AND r.status NOT IN ('cancelled','no_show') ORDER BY r.start_minute, r.id`,
  )
    .all(salonId, date)
    .map(toView);
  const first = day.slots[0] ?? 0;
  const slot = day.slotMinutes;
  const lastRow = Math.max(0, day.slots.length - 1);
  const badges: Badge[] = views.map((view) => {
    const row = Math.min(lastRow, Math.max(0, Math.floor((view.startMinute - first) / slot)));
    // A 仮登録 holds only its start time: it shows as one row.
    const end = view.status === "provisional" ? view.startMinute + slot : view.endMinute;
    const span = Math.max(1, Math.min(day.slots.length - row, Math.ceil((end - first) / slot) - row));
    return { view, row, span };
  });

  const counts = day.slots.map((s) =>
    views.filter((v) => v.status !== "provisional" && v.startMinute < s + slot && v.endMinute > s).length,
  );

  const staffRows = prepared<{ id: number; name: string; capacity: number }>(
    db,
    "SELECT id, name, capacity FROM staff WHERE salon_id = ? AND active = 1 ORDER BY display_order, id",
  ).all(salonId);
  const facilityRows = prepared<{ id: number; name: string; capacity: number }>(
    db,
    "SELECT id, name, capacity FROM facilities WHERE salon_id = ? AND active = 1 ORDER BY display_order, id",
  ).all(salonId);

  const columns: ScheduleColumn[] = [
    ...staffRows.map((s) => ({
      key: `staff-${s.id}`,
      label: s.name,
      capacityLabel: `受付可能数:${s.capacity}`,
      staffId: s.id,
      facilityId: null,
      lanes: packLanes(badges.filter((b) => b.view.staffId === s.id), s.capacity),
    })),
    {
      key: "none",
      label: "指名なし",
      capacityLabel: "受付可能数:-",
      staffId: null,
      facilityId: null,
      // A stylist who was deactivated keeps their reservations visible here.
      lanes: packLanes(badges.filter((b) => b.view.staffId === null || !staffRows.some((s) => s.id === b.view.staffId)), 1),
    },
    ...facilityRows.map((f) => ({
      key: `facility-${f.id}`,
      label: f.name,
      capacityLabel: `受付可能数:${f.capacity}`,
      staffId: null,
      facilityId: f.id,
      lanes: packLanes(badges.filter((b) => b.view.facilityId === f.id), 1),
    })),
  ];
  return { day, counts, columns };
}

// ---------------------------------------------------------------- ホーム

export function todaysReservations(db: Db, salonId: number, date: string): ReservationView[] {
  return prepared<ViewRow>(
    db,
    `${VIEW_SELECT} WHERE r.salon_id = ? AND r.date = ? AND r.status NOT IN ('cancelled','no_show') ORDER BY r.start_minute, r.id`,
  )
    .all(salonId, date)
    .map(toView);
}

/** 週間予約状況: reservations per day for the 7 days from `from`. */
export function weeklyCounts(db: Db, salonId: number, from: string): { date: string; count: number }[] {
  const to = addDays(from, 6);
  const rows = prepared<{ date: string; n: number }>(
    db,
    `SELECT date, count(*) AS n FROM reservations
      WHERE salon_id = ? AND date BETWEEN ? AND ? AND status NOT IN ('cancelled','no_show')
      GROUP BY date`,
  ).all(salonId, from, to);
  const byDate = new Map(rows.map((r) => [r.date, r.n]));
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(from, i);
    return { date, count: byDate.get(date) ?? 0 };
  });
}

// ---------------------------------------------------------------- 予約一覧

export const PAGE_SIZE = 50;

export interface ReservationFilter {
  from: string | null;
  to: string | null;
  status: ReservationStatus | null;
  /** A stylist's id, "none" for 指名なし, or null for everyone. */
  staff: number | "none" | null;
  route: ReservationRoute | null;
  /** 連携状況 */
  sync: SyncState | null;
  page: number;
}

const isDate = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** Reads the filter from the query string; anything unknown is simply not filtered on. */
export function readFilter(query: Record<string, string | undefined>, today: string): ReservationFilter {
  const staffParam = query.staff ?? "";
  const staffId = Number(staffParam);
  return {
    from: query.from === undefined ? today : isDate(query.from) ? query.from : null,
    to: isDate(query.to) ? query.to : null,
    status: (RESERVATION_STATUSES as readonly string[]).includes(query.status ?? "") ? (query.status as ReservationStatus) : null,
    staff: staffParam === "none" ? "none" : Number.isSafeInteger(staffId) && staffId > 0 ? staffId : null,
    route: (RESERVATION_ROUTES as readonly string[]).includes(query.route ?? "") ? (query.route as ReservationRoute) : null,
    sync: (SYNC_STATES as readonly string[]).includes(query.sync ?? "") ? (query.sync as SyncState) : null,
    page: Math.max(1, Math.min(100_000, Math.floor(Number(query.page)) || 1)),
  };
}

export interface ReservationPage {
  rows: ReservationView[];
  total: number;
  page: number;
  pages: number;
}

export function listReservations(db: Db, salonId: number, f: ReservationFilter): ReservationPage {
  const where = ["r.salon_id = ?"];
  const params: unknown[] = [salonId];
  if (f.from) where.push("r.date >= ?"), params.push(f.from);
  if (f.to) where.push("r.date <= ?"), params.push(f.to);
  if (f.status) where.push("r.status = ?"), params.push(f.status);
  if (f.staff === "none") where.push("r.staff_id IS NULL");
  else if (f.staff !== null) where.push("r.staff_id = ?"), params.push(f.staff);
  if (f.route) where.push("r.route = ?"), params.push(f.route);
  if (f.sync) where.push("r.sync_state = ?"), params.push(f.sync);
  const clause = where.join(" AND ");
  const total = prepared<{ n: number }>(db, `SELECT count(*) AS n FROM reservations r WHERE ${clause}`).get(...params)!.n;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const rows = prepared<ViewRow>(db, `${VIEW_SELECT} WHERE ${clause} ORDER BY r.date, r.start_minute, r.id LIMIT ? OFFSET ?`)
    .all(...params, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    .map(toView);
  return { rows, total, page, pages };
}

// ---------------------------------------------------------------- お客様

export function customerHistory(db: Db, customerId: number): ReservationView[] {
  return prepared<ViewRow>(db, `${VIEW_SELECT} WHERE r.customer_id = ? ORDER BY r.date DESC, r.start_minute DESC LIMIT 200`)
    .all(customerId)
    .map(toView);
}

/** 初回来店日, 前回来店日 and 来店回数, from visits that happened. */
export function visitSummary(db: Db, customerId: number): { first: string | null; last: string | null; count: number } {
  const row = prepared<{ first: string | null; last: string | null; n: number }>(
    db,
    "SELECT min(date) AS first, max(date) AS last, count(*) AS n FROM reservations WHERE customer_id = ? AND status IN ('visited','paid')",
  ).get(customerId)!;
  return { first: row.first, last: row.last, count: row.n };
}
