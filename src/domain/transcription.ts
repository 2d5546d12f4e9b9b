import { prepared, type Db } from "../db/client";
import type { Reservation } from "../db/schema";
import type { Clock } from "../lib/clock";
import { fold, toKatakana, type FormValues } from "../lib/form";
import { formatMinute } from "../lib/jst";
import { normalizePhone } from "../lib/phone";
import { resolveReservationNotices } from "./notices";
import { readReservationForm, saveReservation, type SaveResult } from "./reservations";

// 予約を転記する: a reservation SALON BOARD sent that could not be registered waits as a
// 仮登録 holding only its start time. Staff fill in what is missing (お客様, メニュー,
// スタッフ, 所要時間), confirm, and register it. It keeps SALON BOARD's 予約番号 and is
// never pushed back to SALON BOARD (no 二重登録).

export interface SalonBoardSummary {
  reservationNo: string;
  startAt: string;
  durationMin: string;
  staffCode: string;
  coupon: string;
  customer: string;
  phone: string;
  note: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

function payloadOf(r: Reservation): Json {
  try {
    const parsed: unknown = JSON.parse(r.salonboardPayload ?? "{}");
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** What SALON BOARD sent, as staff read it next to the form. */
export function salonBoardSummary(r: Reservation): SalonBoardSummary {
  const p = payloadOf(r);
  const coupon = isObject(p.coupon) ? p.coupon : {};
  const customer = isObject(p.customer) ? p.customer : {};
  return {
    reservationNo: r.salonboardNo ?? text(p.reservationNo),
    startAt: `${r.date} ${formatMinute(r.startMinute)}`,
    durationMin: text(p.durationMin),
    staffCode: text(p.staffCode) || "指名なし",
    coupon: [text(coupon.code), text(coupon.name)].filter(Boolean).join(" ") || "なし",
    customer: [text(customer.nameKanji), text(customer.nameKana) && `（${text(customer.nameKana)}）`].filter(Boolean).join(""),
    phone: text(customer.phone),
    note: text(p.note),
  };
}

/** The form prefilled with what SALON BOARD sent, mapped where the codes and the phone allow. */
export function registrationValues(db: Db, r: Reservation): FormValues {
  const p = payloadOf(r);
  const coupon = isObject(p.coupon) ? p.coupon : {};
  const customer = isObject(p.customer) ? p.customer : {};
  const staff = text(p.staffCode) ? prepared<{ id: number }>(db, "SELECT id FROM staff WHERE salon_id = ? AND salonboard_code = ? AND active = 1").get(r.salonId, text(p.staffCode)) : undefined;
  const menu = text(coupon.code) ? prepared<{ id: number }>(db, "SELECT id FROM menus WHERE salon_id = ? AND salonboard_code = ? AND active = 1").get(r.salonId, text(coupon.code)) : undefined;
  const phone = text(customer.phone) ? normalizePhone(text(customer.phone)) : "";
  const known = phone ? prepared<{ id: number }>(db, "SELECT id FROM customers WHERE salon_id = ? AND phone = ? ORDER BY id LIMIT 1").get(r.salonId, phone) : undefined;
  const [lastKana = "", ...restKana] = toKatakana(fold(text(customer.nameKana))).split(/\s+/);
  const [lastName = "", ...restName] = fold(text(customer.nameKanji)).split(/\s+/);
  return {
    staffId: staff ? String(staff.id) : "",
    menuId: menu ? String(menu.id) : "",
    durationMin: text(p.durationMin) || String(r.durationMin),
    visitMemo: text(p.note),
    customerId: known ? String(known.id) : "",
    ...(known ? {} : { newLastName: lastName, newFirstName: restName.join(" "), newLastNameKana: lastKana, newFirstNameKana: restKana.join(" "), newPhone: phone }),
  };
}

/** The form as sent, with the start time SALON BOARD fixed: staff cannot move it here. */
function withFixedStart(r: Reservation, values: FormValues): FormValues {
  return { ...values, date: r.date, time: formatMinute(r.startMinute) };
}

/** 確認: the same checks as 登録, nothing saved. */
export function checkRegistration(db: Db, r: Reservation, values: FormValues): ReturnType<typeof readReservationForm> {
  const read = readReservationForm(db, r.salonId, withFixedStart(r, values), r);
  const errors = { ...read.errors };
  // A 仮登録 has no customer yet, which the 変更 form accepts: here one is required.
  const noCustomer = read.input
    ? read.input.customerId === null && !read.input.newCustomer
    : (values.customerId ?? "").trim() === "" && ["newLastName", "newFirstName", "newLastNameKana", "newFirstNameKana", "newPhone"].every((n) => (values[n] ?? "").trim() === "");
  if (noCustomer) errors.customerId ??= "お客様を検索して選択するか、新規のお客様を入力してください。";
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input = read.input!;
  // A customer first known through SALON BOARD came in through HPB (or the web).
  if (input.newCustomer) input.newCustomer = { ...input.newCustomer, registrationRoute: r.route === "web" ? "web" : "HPB" };
  return { input, errors };
}

/** 登録: the 仮登録 becomes a reservation, its notice is resolved by this user, in one transaction. */
export function registerTranscription(db: Db, clock: Clock, r: Reservation, values: FormValues, userId: number): SaveResult {
  const { input, errors } = checkRegistration(db, r, values);
  if (!input) return { ok: false, errors };
  return db.transaction(
    (): SaveResult => {
      const current = prepared<{ status: string }>(db, "SELECT status FROM reservations WHERE id = ?").get(r.id);
      if (current?.status !== "provisional") return { ok: false, errors: { form: "この予約はすでに登録されています。" } };
      const saved = saveReservation(db, clock, r.salonId, { ...input, status: "booked" }, r, {
        origin: "salonboard",
        salonboardNo: r.salonboardNo ?? "",
        salonboardPayload: r.salonboardPayload,
        receivedAt: r.receivedAt,
      });
      if (!saved.ok) return saved;
      prepared(db, "UPDATE reservations SET sync_state = 'ok', sync_error = NULL WHERE id = ?").run(r.id);
      resolveReservationNotices(db, r.id, { resolution: "registered", userId, now: clock(), direction: "inbound" });
      return { ok: true, reservation: { ...saved.reservation, syncState: "ok", syncError: null } };
    },
    { behavior: "immediate" },
  );
}
