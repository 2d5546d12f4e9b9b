import { asc, eq } from "drizzle-orm";
import { prepared, type Db } from "../db/client";
import { salonHours, salons, type Salon, type SalonHours } from "../db/schema";
import { FormReader, type FieldErrors, type FormValues } from "../lib/form";
import { formatMinute, parseMinute, WEEKDAYS } from "../lib/jst";

export const SLOT_LENGTHS = [10, 15, 30] as const;

export interface NewSalon {
  name: string;
  slotMinutes?: number;
  openMinute?: number;
  closeMinute?: number;
  capacity?: number;
  closedWeekdays?: number[];
}

/** A salon with the same hours on every weekday; the admin refines them under 設定. */
export function createSalon(db: Db, input: NewSalon): Salon {
  return db.transaction((tx) => {
    const salon = tx
      .insert(salons)
      .values({ name: input.name, slotMinutes: input.slotMinutes ?? 30 })
      .returning()
      .get();
    tx.insert(salonHours)
      .values(
        WEEKDAYS.map((_, weekday) => ({
          salonId: salon.id,
          weekday,
          isOpen: !(input.closedWeekdays ?? []).includes(weekday),
          openMinute: input.openMinute ?? 10 * 60,
          closeMinute: input.closeMinute ?? 20 * 60,
          capacity: input.capacity ?? 2,
        })),
      )
      .run();
    return salon;
  });
}

export interface SalonSettings {
  salon: Salon;
  hours: SalonHours[];
}

export function getSalonSettings(db: Db, salonId: number): SalonSettings {
  const salon = db.select().from(salons).where(eq(salons.id, salonId)).get();
  if (!salon) throw new Error(`salon ${salonId} does not exist`);
  const hours = db.select().from(salonHours).where(eq(salonHours.salonId, salonId)).orderBy(asc(salonHours.weekday)).all();
  return { salon, hours };
}

export function salonFormValues({ salon, hours }: SalonSettings): FormValues {
  const values: FormValues = { name: salon.name, slotMinutes: String(salon.slotMinutes) };
  for (const h of hours) {
    values[`isOpen${h.weekday}`] = h.isOpen ? "1" : "";
    values[`open${h.weekday}`] = formatMinute(h.openMinute);
    values[`close${h.weekday}`] = formatMinute(h.closeMinute);
    values[`capacity${h.weekday}`] = String(h.capacity);
  }
  return values;
}

export type UpdateResult = { ok: true } | { ok: false; errors: FieldErrors };

export function updateSalonSettings(db: Db, salonId: number, values: FormValues): UpdateResult {
  const form = new FormReader(values);
  const name = form.text("name", { label: "サロン名", required: true, max: 60 });
  const slotMinutes = Number(form.oneOf("slotMinutes", { label: "予約枠の長さ", options: SLOT_LENGTHS.map(String) }));
  const slotKnown = !form.errors.slotMinutes;

  const hours = WEEKDAYS.map((day, weekday) => {
    const isOpen = form.bool(`isOpen${weekday}`);
    const label = `${day}曜日`;
    const time = (field: string, what: string): number => {
      const minute = parseMinute(values[field] ?? "");
      if (minute === null) form.fail(field, `${label}の${what}を「10:00」の形で入力してください。`);
      else if (slotKnown && minute % slotMinutes !== 0) form.fail(field, `${label}の${what}は予約枠（${slotMinutes}分）の区切りで入力してください。`);
      return minute ?? 0;
    };
    const openMinute = time(`open${weekday}`, "開店時刻");
    const closeMinute = time(`close${weekday}`, "閉店時刻");
    if (openMinute >= closeMinute && !form.errors[`open${weekday}`] && !form.errors[`close${weekday}`]) {
      form.fail(`close${weekday}`, `${label}の閉店時刻は開店時刻より後にしてください。`);
    }
    const capacity = form.int(`capacity${weekday}`, { label: `${label}の受付可能数`, min: 0, max: 99, unit: "人" });
    return { salonId, weekday, isOpen, openMinute, closeMinute, capacity };
  });
  if (!form.ok) return { ok: false, errors: form.errors };

  db.transaction((tx) => {
    tx.update(salons).set({ name, slotMinutes }).where(eq(salons.id, salonId)).run();
    for (const h of hours) {
      tx.insert(salonHours)
        .values(h)
        .onConflictDoUpdate({ target: [salonHours.salonId, salonHours.weekday], set: h })
        .run();
    }
  });
  return { ok: true };
}

/** The salon's revision: raised by triggers on every write the schedule and lists show. */
export function salonRevision(db: Db, salonId: number): number {
  return prepared<{ revision: number }>(db, "SELECT revision FROM salon_revisions WHERE salon_id = ?").get(salonId)?.revision ?? 0;
}
