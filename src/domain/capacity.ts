import { prepared, type Db } from "../db/client";
import { formatMinute, weekdayOf } from "../lib/jst";

// 受付可能数: in every slot a reservation covers, neither the salon's 受付可能数 for that
// slot, nor its stylist's, nor its facility's may be exceeded. Checked inside the
// transaction that writes, for every source (staff, web, HPB).

/** Statuses that hold a place. 仮登録 holds none: it is a placeholder awaiting 転記. */
export const OCCUPYING_STATUSES = ["booked", "visited", "paid"] as const;
const OCCUPYING_SQL = OCCUPYING_STATUSES.map((s) => `'${s}'`).join(",");

export interface SalonDay {
  date: string;
  isOpen: boolean;
  openMinute: number;
  closeMinute: number;
  slotMinutes: number;
  /** The salon's 受付可能数 for the slot starting at `slotMinute`. */
  capacityAt(slotMinute: number): number;
  isOverridden(slotMinute: number): boolean;
  /** Slot start minutes from opening to closing. */
  slots: number[];
}

export function salonDay(db: Db, salonId: number, date: string): SalonDay {
  const row = prepared<{ slot_minutes: number; is_open: number; open_minute: number; close_minute: number; capacity: number }>(
    db,
    `SELECT s.slot_minutes, h.is_open, h.open_minute, h.close_minute, h.capacity
       FROM salons s JOIN salon_hours h ON h.salon_id = s.id AND h.weekday = ?
      WHERE s.id = ?`,
  ).get(weekdayOf(date), salonId);
  if (!row) throw new Error(`salon ${salonId} has no hours`);
  const overrides = new Map(
    prepared<{ slot_minute: number; capacity: number }>(db, "SELECT slot_minute, capacity FROM capacity_overrides WHERE salon_id = ? AND date = ?")
      .all(salonId, date)
      .map((o) => [o.slot_minute, o.capacity]),
  );
  const slots: number[] = [];
  const first = Math.floor(row.open_minute / row.slot_minutes) * row.slot_minutes;
  for (let m = first; m < row.close_minute; m += row.slot_minutes) slots.push(m);
  return {
    date,
    isOpen: row.is_open === 1,
    openMinute: row.open_minute,
    closeMinute: row.close_minute,
    slotMinutes: row.slot_minutes,
    capacityAt: (m) => overrides.get(m) ?? row.capacity,
    isOverridden: (m) => overrides.has(m),
    slots,
  };
}

export interface Booking {
  date: string;
  startMinute: number;
  endMinute: number;
  staffId: number | null;
  facilityId: number | null;
}

export interface CapacityConflict {
  slotMinute: number;
  /** Who is full: the salon, a stylist or a facility, as staff would name it. */
  who: string;
  capacity: number;
}

interface Occupant {
  start_minute: number;
  end_minute: number;
  staff_id: number | null;
  facility_id: number | null;
}

/** The first slot the booking would overfill, or null when it fits. */
export function findCapacityConflict(db: Db, salonId: number, booking: Booking, excludeId: number | null): CapacityConflict | null {
  const day = salonDay(db, salonId, booking.date);
  const others = prepared<Occupant>(
    db,
    `SELECT start_minute, end_minute, staff_id, facility_id FROM reservations
      WHERE salon_id = ? AND date = ? AND status IN (${OCCUPYING_SQL})
        AND start_minute < ? AND end_minute > ? AND id IS NOT ?`,
  ).all(salonId, booking.date, booking.endMinute, booking.startMinute, excludeId);

  const staffRow = booking.staffId
    ? prepared<{ name: string; capacity: number }>(db, "SELECT name, capacity FROM staff WHERE id = ?").get(booking.staffId)
    : undefined;
  const facilityRow = booking.facilityId
    ? prepared<{ name: string; capacity: number }>(db, "SELECT name, capacity FROM facilities WHERE id = ?").get(booking.facilityId)
    : undefined;

  const slot = day.slotMinutes;
  for (let s = Math.floor(booking.startMinute / slot) * slot; s < booking.endMinute; s += slot) {
    const inSlot = others.filter((o) => o.start_minute < s + slot && o.end_minute > s);
    const salonCapacity = day.capacityAt(s);
    if (inSlot.length + 1 > salonCapacity) return { slotMinute: s, who: "サロン", capacity: salonCapacity };
    if (staffRow && inSlot.filter((o) => o.staff_id === booking.staffId).length + 1 > staffRow.capacity) {
      return { slotMinute: s, who: `スタッフ「${staffRow.name}」`, capacity: staffRow.capacity };
    }
    if (facilityRow && inSlot.filter((o) => o.facility_id === booking.facilityId).length + 1 > facilityRow.capacity) {
      return { slotMinute: s, who: `設備「${facilityRow.name}」`, capacity: facilityRow.capacity };
    }
  }
  return null;
}

/** The sentence staff see: the manual's words, then which slot and whose limit. */
export function capacityMessage(c: CapacityConflict, slotMinutes: number): string {
  return `予約受付可能数を超えています（${formatMinute(c.slotMinute)}〜${formatMinute(c.slotMinute + slotMinutes)}の枠：${c.who}の受付可能数は${c.capacity}人です）`;
}

/** Sets the salon's 受付可能数 of one slot of one day (the schedule's 受付可能数 column). */
export function overrideSlotCapacity(db: Db, salonId: number, date: string, slotMinute: number, capacity: number): void {
  prepared(
    db,
    `INSERT INTO capacity_overrides (salon_id, date, slot_minute, capacity) VALUES (?, ?, ?, ?)
     ON CONFLICT (salon_id, date, slot_minute) DO UPDATE SET capacity = excluded.capacity`,
  ).run(salonId, date, slotMinute, capacity);
}
