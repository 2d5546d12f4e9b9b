// お客様管理: the search of the manual's screenshot, and deletion exactly as safe as the
// manual says. Every filter folds what staff type (width, hiragana/katakana, spaces,
// hyphens in phone numbers) and runs on an index of the salon's customers.
import { and, eq } from "drizzle-orm";
import { prepared, type Db } from "../db/client";
import { CONTRACT_STATUSES, customers, GENDERS, REGISTRATION_ROUTES, type ContractStatus, type Customer } from "../db/schema";
import type { Clock } from "../lib/clock";
import { FormReader, toKatakana, type FieldErrors, type FormValues } from "../lib/form";
import { isRealDate, jstDate } from "../lib/jst";
import { isPhone, normalizePhone } from "../lib/phone";
import { escapeLike, insertCustomer } from "./customers";
import { enqueueOutbound } from "../sync/outbound";
import { reservationById } from "./reservations";

export const CUSTOMER_PAGE_SIZE = 100;
/** Below this many matches a filter's index is quicker than walking every customer in number order. */
const FEW_MATCHES = 2_000;
export const OCCUPATIONS = ["会社員", "自営業", "公務員", "学生", "主婦・主夫", "パート・アルバイト", "その他"] as const;
export const GENDER_LABELS: Record<Customer["gender"], string> = { female: "女性", male: "男性", other: "その他", unanswered: "無回答" };
export const AGE_BANDS = [10, 20, 30, 40, 50, 60, 70, 80] as const;
export const CONTRACT_LABELS: Record<ContractStatus, string> = { active: "契約中", cancelled: "解約履歴あり", payment_failed: "決済失敗" };

export interface CustomerFilter {
  lastName: string;
  firstName: string;
  noKanji: boolean;
  lastKana: string;
  firstKana: string;
  phone: string;
  email: string;
  customerNo: number | null;
  /** MM-DD, a range that may wrap the new year. */
  birthFrom: string | null;
  birthTo: string | null;
  ageBand: number | null;
  gender: Customer["gender"] | null;
  occupation: string | null;
  caution: boolean;
  contracts: ContractStatus[];
  lastVisitFrom: string | null;
  lastVisitTo: string | null;
  visitsMin: number | null;
  visitsMax: number | null;
  route: Customer["registrationRoute"] | null;
  page: number;
}

const fold = (s: string | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, "");
const int = (s: string | undefined, max: number): number | null => {
  const n = Number(fold(s));
  return fold(s) !== "" && Number.isInteger(n) && n >= 0 && n <= max ? n : null;
};
const monthDay = (m: string | undefined, d: string | undefined): string | null => {
  const month = int(m, 12);
  const day = int(d, 31);
  if (!month || month < 1) return null;
  return `${String(month).padStart(2, "0")}-${String(day && day >= 1 ? day : 1).padStart(2, "0")}`;
};
const isDate = (s: string | undefined): s is string => !!s && isRealDate(s);
const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | null => ((list as readonly string[]).includes(v ?? "") ? (v as T) : null);

/** The search from the URL: what is unreadable is simply not filtered on. */
export function readCustomerFilter(query: Record<string, string | string[] | undefined>): CustomerFilter {
  const one = (name: string) => {
    const v = query[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const many = (name: string) => {
    const v = query[name];
    return Array.isArray(v) ? v : v === undefined ? [] : [v];
  };
  const birthToDay = int(one("birthToDay"), 31);
  return {
    lastName: fold(one("lastName")),
    firstName: fold(one("firstName")),
    noKanji: one("noKanji") === "1",
    lastKana: toKatakana(fold(one("lastKana"))),
    firstKana: toKatakana(fold(one("firstKana"))),
    phone: normalizePhone(one("phone") ?? "").replace(/\D/g, ""),
    email: fold(one("email")).toLowerCase(),
    customerNo: int(one("customerNo"), 1e9),
    birthFrom: monthDay(one("birthFromMonth"), one("birthFromDay")),
    birthTo: (() => {
      const md = monthDay(one("birthToMonth"), one("birthToDay"));
      return md && !birthToDay ? `${md.slice(0, 3)}31` : md;
    })(),
    ageBand: AGE_BANDS.find((a) => String(a) === one("age")) ?? null,
    gender: oneOf(GENDERS, one("gender")),
    occupation: oneOf(OCCUPATIONS, one("occupation")),
    caution: one("caution") === "1",
    contracts: CONTRACT_STATUSES.filter((s) => many("contract").includes(s)),
    lastVisitFrom: isDate(one("lastVisitFrom")) ? one("lastVisitFrom")! : null,
    lastVisitTo: isDate(one("lastVisitTo")) ? one("lastVisitTo")! : null,
    visitsMin: int(one("visitsMin"), 100_000),
    visitsMax: int(one("visitsMax"), 100_000),
    route: oneOf(REGISTRATION_ROUTES, one("route")),
    page: Math.max(1, Math.min(100_000, int(one("page"), 100_000) ?? 1)),
  };
}

/** The search as a query string: Back, bookmarks and the pager keep it. */
export function filterQuery(f: CustomerFilter, page = f.page): string {
  const q = new URLSearchParams();
  const set = (k: string, v: string | number | null | boolean) => {
    if (v !== null && v !== "" && v !== false) q.append(k, v === true ? "1" : String(v));
  };
  set("lastName", f.lastName);
  set("firstName", f.firstName);
  set("noKanji", f.noKanji);
  set("lastKana", f.lastKana);
  set("firstKana", f.firstKana);
  set("phone", f.phone);
  set("email", f.email);
  set("customerNo", f.customerNo);
  if (f.birthFrom) set("birthFromMonth", Number(f.birthFrom.slice(0, 2))), set("birthFromDay", Number(f.birthFrom.slice(3)));
  if (f.birthTo) set("birthToMonth", Number(f.birthTo.slice(0, 2))), set("birthToDay", Number(f.birthTo.slice(3)));
  set("age", f.ageBand);
  set("gender", f.gender);
  set("occupation", f.occupation);
  set("caution", f.caution);
  for (const c of f.contracts) q.append("contract", c);
  set("lastVisitFrom", f.lastVisitFrom);
  set("lastVisitTo", f.lastVisitTo);
  set("visitsMin", f.visitsMin);
  set("visitsMax", f.visitsMax);
  set("route", f.route);
  if (page > 1) q.set("page", String(page));
  return q.toString();
}

/** A customer as the list shows them, and why they cannot be deleted in bulk. */
export interface CustomerRow {
  id: number;
  customerNo: number;
  kana: string;
  kanji: string;
  phone: string | null;
  gender: Customer["gender"];
  occupation: string | null;
  visitCount: number;
  registrationRoute: Customer["registrationRoute"];
}

export interface CustomerPage {
  rows: CustomerRow[];
  total: number;
  page: number;
  pages: number;
}

function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`;
}

export function searchCustomerPage(db: Db, salonId: number, f: CustomerFilter, today: string): CustomerPage {
  const where = ["c.salon_id = ?"];
  const params: unknown[] = [salonId];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  // Names from their first character: the index answers; kana and kanji are stored folded.
  if (f.lastName) add("c.last_name LIKE ? ESCAPE '\\'", `${escapeLike(f.lastName)}%`);
  if (f.firstName) add("c.first_name LIKE ? ESCAPE '\\'", `${escapeLike(f.firstName)}%`);
  if (f.noKanji) add("coalesce(c.last_name, '') = '' AND coalesce(c.first_name, '') = ''");
  if (f.lastKana) add("c.last_name_kana LIKE ? ESCAPE '\\'", `${escapeLike(f.lastKana)}%`);
  if (f.firstKana) add("c.first_name_kana LIKE ? ESCAPE '\\'", `${escapeLike(f.firstKana)}%`);
  // Phone: any part of it (staff often type the last four digits).
  if (f.phone) add("c.phone LIKE ?", `%${f.phone}%`);
  if (f.email) add("lower(c.email) LIKE ? ESCAPE '\\'", `%${escapeLike(f.email)}%`);
  if (f.customerNo !== null) add("c.customer_no = ?", f.customerNo);
  if (f.birthFrom || f.birthTo) {
    const from = f.birthFrom ?? "01-01";
    const to = f.birthTo ?? "12-31";
    const md = "substr(c.birthday, 6, 5)";
    if (from <= to) add(`c.birthday IS NOT NULL AND ${md} BETWEEN ? AND ?`, from, to);
    else add(`c.birthday IS NOT NULL AND (${md} >= ? OR ${md} <= ?)`, from, to); // across the new year
  }
  if (f.ageBand !== null) {
    // 20代: born after today minus 30 years, on or before today minus 20 years.
    add("c.birthday > ? AND c.birthday <= ?", addYears(today, -(f.ageBand + 10)), addYears(today, -f.ageBand));
  }
  if (f.gender) add("c.gender = ?", f.gender);
  if (f.occupation) add("c.occupation = ?", f.occupation);
  if (f.caution) add("c.caution = 1");
  if (f.contracts.length > 0) {
    add(`EXISTS (SELECT 1 FROM plan_contracts p WHERE p.customer_id = c.id AND p.status IN (${f.contracts.map(() => "?").join(",")}))`, ...f.contracts);
  }
  if (f.lastVisitFrom) add("c.last_visit_date >= ?", f.lastVisitFrom);
  if (f.lastVisitTo) add("c.last_visit_date <= ?", f.lastVisitTo);
  if (f.visitsMin !== null) add("c.visit_count >= ?", f.visitsMin);
  if (f.visitsMax !== null) add("c.visit_count <= ?", f.visitsMax);
  if (f.route) add("c.registration_route = ?", f.route);

  const clause = where.join(" AND ");
  // Few matches: the filter's own (often covering) index finds them all, and just those are
  // read and sorted. Many: count them, then walk the お客様番号 index and stop at the page.
  type Row = { id: number; customer_no: number; kana: string; kanji: string; phone: string | null; gender: Customer["gender"]; occupation: string | null; visit_count: number; registration_route: Customer["registrationRoute"] };
  const columns = `c.id, c.customer_no, trim(c.last_name_kana || ' ' || c.first_name_kana) AS kana,
            trim(coalesce(c.last_name, '') || ' ' || coalesce(c.first_name, '')) AS kanji,
            c.phone, c.gender, c.occupation, c.visit_count, c.registration_route`;
  const few = prepared<{ id: number }>(db, `SELECT c.id FROM customers c WHERE ${clause} LIMIT ?`).all(...params, FEW_MATCHES + 1);
  const total = few.length <= FEW_MATCHES ? few.length : prepared<{ n: number }>(db, `SELECT count(*) AS n FROM customers c WHERE ${clause}`).get(...params)!.n;
  const pages = Math.max(1, Math.ceil(total / CUSTOMER_PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const offset = (page - 1) * CUSTOMER_PAGE_SIZE;
  const rows =
    few.length <= FEW_MATCHES
      ? prepared<Row>(db, `SELECT ${columns} FROM customers c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.customer_no DESC LIMIT ? OFFSET ?`).all(
          JSON.stringify(few.map((r) => r.id)),
          CUSTOMER_PAGE_SIZE,
          offset,
        )
      : prepared<Row>(db, `SELECT ${columns} FROM customers c INDEXED BY customers_salon_no_uq WHERE ${clause} ORDER BY c.customer_no DESC LIMIT ? OFFSET ?`).all(...params, CUSTOMER_PAGE_SIZE, offset);
  return {
    rows: rows.map((r) => ({ id: r.id, customerNo: r.customer_no, kana: r.kana, kanji: r.kanji, phone: r.phone, gender: r.gender, occupation: r.occupation, visitCount: r.visit_count, registrationRoute: r.registration_route })),
    total,
    page,
    pages,
  };
}

// ---------------------------------------------------------------- deletion

/** Why a customer cannot go in a bulk delete: a future 予約中 reservation, or a 定額プラン 契約中. */
export interface Blocker {
  customerId: number;
  reservations: number;
  contracts: number;
}

export function findBlockers(db: Db, salonId: number, ids: number[], today: string): Blocker[] {
  if (ids.length === 0) return [];
  const list = ids.map(() => "?").join(",");
  const rows = prepared<{ id: number; reservations: number; contracts: number }>(
    db,
    `SELECT c.id,
            (SELECT count(*) FROM reservations r WHERE r.customer_id = c.id AND r.date >= ? AND r.status IN ('provisional','booked')) AS reservations,
            (SELECT count(*) FROM plan_contracts p WHERE p.customer_id = c.id AND p.status = 'active') AS contracts
       FROM customers c WHERE c.salon_id = ? AND c.id IN (${list})`,
  ).all(today, salonId, ...ids);
  return rows.filter((r) => r.reservations > 0 || r.contracts > 0).map((r) => ({ customerId: r.id, reservations: r.reservations, contracts: r.contracts }));
}

export type DeleteResult = { ok: true; deleted: number } | { ok: false; blockers: Blocker[] } | { ok: false; message: string };

/**
 * Removes the person's data: the customer row (reservations keep their history without
 * them: customer_id is set null by the foreign key), the 来店時メモ and SALON BOARD
 * payloads that copied it, and the contracts' link. Only the audit record remains: when,
 * who, how many and the お客様番号.
 */
function erase(db: Db, salonId: number, ids: number[]): number[] {
  const list = ids.map(() => "?").join(",");
  const nos = prepared<{ customer_no: number }>(db, `SELECT customer_no FROM customers WHERE salon_id = ? AND id IN (${list}) ORDER BY customer_no`)
    .all(salonId, ...ids)
    .map((r) => r.customer_no);
  prepared(db, `UPDATE reservations SET visit_memo = '', salonboard_payload = NULL WHERE salon_id = ? AND customer_id IN (${list})`).run(salonId, ...ids);
  prepared(db, `DELETE FROM customers WHERE salon_id = ? AND id IN (${list})`).run(salonId, ...ids);
  return nos;
}

function audit(db: Db, salonId: number, userId: number, now: Date, reason: "bulk" | "individual", nos: number[], cancelled = 0, ended = 0): void {
  prepared(
    db,
    "INSERT INTO customer_deletions (salon_id, deleted_at, deleted_by, reason, count, customer_nos, cancelled_reservations, ended_contracts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(salonId, now.getTime(), userId, reason, nos.length, JSON.stringify(nos), cancelled, ended);
}

/** 選択したお客様を削除: all of them in one transaction, or none when any one is blocked. */
export function deleteCustomers(db: Db, clock: Clock, salonId: number, ids: number[], userId: number): DeleteResult {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (unique.length === 0) return { ok: false, message: "削除するお客様を選択してください。" };
  if (unique.length > CUSTOMER_PAGE_SIZE) return { ok: false, message: `一度に削除できるのは1ページ分（${CUSTOMER_PAGE_SIZE}件）までです。` };
  return db.transaction(
    (): DeleteResult => {
      const now = clock();
      const blockers = findBlockers(db, salonId, unique, jstDate(now));
      if (blockers.length > 0) return { ok: false, blockers };
      const nos = erase(db, salonId, unique);
      if (nos.length === 0) return { ok: false, message: "選択したお客様が見つかりません。" };
      audit(db, salonId, userId, now, "bulk", nos);
      return { ok: true, deleted: nos.length };
    },
    { behavior: "immediate" },
  );
}

export interface Consequences {
  reservations: { id: number; date: string; startMinute: number; menuName: string }[];
  contracts: { id: number; planName: string }[];
}

/** What お客様情報を削除する will also do: the future reservations it cancels, the plans it ends. */
export function deletionConsequences(db: Db, customer: Customer, today: string): Consequences {
  return {
    reservations: prepared<{ id: number; date: string; start_minute: number; menu_name: string }>(
      db,
      "SELECT id, date, start_minute, menu_name FROM reservations WHERE customer_id = ? AND date >= ? AND status IN ('provisional','booked') ORDER BY date, start_minute",
    )
      .all(customer.id, today)
      .map((r) => ({ id: r.id, date: r.date, startMinute: r.start_minute, menuName: r.menu_name })),
    contracts: prepared<{ id: number; name: string }>(
      db,
      "SELECT p.id, pl.name FROM plan_contracts p JOIN plans pl ON pl.id = p.plan_id WHERE p.customer_id = ? AND p.status = 'active'",
    )
      .all(customer.id)
      .map((r) => ({ id: r.id, planName: r.name })),
  };
}

/**
 * お客様情報を削除する: the future reservations are cancelled (and the cancellations go to
 * SALON BOARD through the outbox), the 定額プラン ended, the customer deleted: one transaction.
 */
export function deleteCustomer(db: Db, clock: Clock, customer: Customer, userId: number): { ok: true; cancelled: number; ended: number } {
  return db.transaction(
    () => {
      const now = clock();
      const today = jstDate(now);
      const { reservations, contracts } = deletionConsequences(db, customer, today);
      for (const r of reservations) {
        prepared(db, "UPDATE reservations SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?").run(now.getTime(), now.getTime(), r.id);
        enqueueOutbound(db, reservationById(db, r.id)!, now);
      }
      for (const c of contracts) prepared(db, "UPDATE plan_contracts SET status = 'cancelled', ended_on = ? WHERE id = ?").run(today, c.id);
      const nos = erase(db, customer.salonId, [customer.id]);
      audit(db, customer.salonId, userId, now, "individual", nos, reservations.length, contracts.length);
      return { ok: true as const, cancelled: reservations.length, ended: contracts.length };
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------- 新規登録 / 編集する

export type CustomerFormResult = { ok: true; customer: Customer } | { ok: false; errors: FieldErrors };

export function customerFormValues(c?: Customer): FormValues {
  if (!c) return { gender: "unanswered", registrationRoute: "管理画面" };
  return {
    lastName: c.lastName ?? "",
    firstName: c.firstName ?? "",
    lastNameKana: c.lastNameKana,
    firstNameKana: c.firstNameKana,
    phone: c.phone ?? "",
    email: c.email ?? "",
    birthday: c.birthday ?? "",
    gender: c.gender,
    occupation: c.occupation ?? "",
    address: c.address ?? "",
    memo: c.memo ?? "",
    caution: c.caution ? "1" : "",
    registrationRoute: c.registrationRoute,
  };
}

/** Saves the お客様 form; kana only in kana fields, a real phone, email and birthday. */
export function saveCustomer(db: Db, clock: Clock, salonId: number, existing: Customer | null, values: FormValues): CustomerFormResult {
  const form = new FormReader(values);
  const lastName = form.optionalText("lastName", { label: "姓", max: 30 });
  const firstName = form.optionalText("firstName", { label: "名", max: 30 });
  const lastNameKana = form.kana("lastNameKana", { label: "セイ", required: true, max: 30 });
  const firstNameKana = form.kana("firstNameKana", { label: "メイ", max: 30 });
  const phoneText = (values.phone ?? "").trim();
  const phone = phoneText ? normalizePhone(phoneText) : null;
  if (phone !== null && !isPhone(phone)) form.fail("phone", "電話番号は0から始まる10桁または11桁の数字で入力してください。");
  const email = form.optionalText("email", { label: "メール", max: 254 })?.normalize("NFKC") ?? null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) form.fail("email", "メールアドレスを「name@example.jp」の形で入力してください。");
  const birthdayText = (values.birthday ?? "").normalize("NFKC").trim().replace(/\//g, "-");
  const birthday = birthdayText === "" ? null : birthdayText;
  if (birthday !== null && (!isRealDate(birthday) || birthday > jstDate(clock()) || birthday < "1900-01-01")) {
    form.fail("birthday", "誕生日を「1990-04-02」の形で、実在する過去の日付で入力してください。");
  }
  const gender = form.oneOf("gender", { label: "性別", options: GENDERS });
  const occupationText = (values.occupation ?? "").trim();
  const occupation = occupationText === "" ? null : oneOf(OCCUPATIONS, occupationText);
  if (occupationText !== "" && !occupation) form.fail("occupation", "職業を一覧から選択してください。");
  const address = form.optionalText("address", { label: "住所", max: 200 });
  const memo = form.optionalText("memo", { label: "備考", max: 1000 });
  const caution = form.bool("caution");
  const registrationRoute = existing ? existing.registrationRoute : form.oneOf("registrationRoute", { label: "登録経路", options: REGISTRATION_ROUTES });
  if (!form.ok) return { ok: false, errors: form.errors };
  const row = { lastName, firstName, lastNameKana, firstNameKana, phone, email, birthday, gender, occupation, address, memo, caution };
  if (existing) {
    const updated = db.update(customers).set(row).where(and(eq(customers.id, existing.id), eq(customers.salonId, salonId))).returning().get();
    return { ok: true, customer: updated };
  }
  const created = db.transaction(() => {
    const inserted = insertCustomer(db, salonId, { lastName, firstName, lastNameKana, firstNameKana, phone, registrationRoute });
    return db.update(customers).set(row).where(eq(customers.id, inserted.id)).returning().get();
  });
  return { ok: true, customer: created };
}

// ---------------------------------------------------------------- 定額プラン contracts

export interface ContractView {
  id: number;
  planName: string;
  status: ContractStatus;
  startedOn: string;
  endedOn: string | null;
}

export function customerContracts(db: Db, customerId: number): ContractView[] {
  return prepared<{ id: number; name: string; status: ContractStatus; started_on: string; ended_on: string | null }>(
    db,
    "SELECT p.id, pl.name, p.status, p.started_on, p.ended_on FROM plan_contracts p JOIN plans pl ON pl.id = p.plan_id WHERE p.customer_id = ? ORDER BY p.started_on DESC, p.id DESC",
  )
    .all(customerId)
    .map((r) => ({ id: r.id, planName: r.name, status: r.status, startedOn: r.started_on, endedOn: r.ended_on }));
}

/** A new 契約中 contract for one of the salon's plans. */
export function startContract(db: Db, clock: Clock, customer: Customer, values: FormValues): { ok: true } | { ok: false; errors: FieldErrors } {
  const planId = Number(values.planId);
  const plan = Number.isSafeInteger(planId) ? prepared<{ id: number }>(db, "SELECT id FROM plans WHERE id = ? AND salon_id = ? AND active = 1").get(planId, customer.salonId) : undefined;
  const startedOn = (values.startedOn ?? "").trim() || jstDate(clock());
  const errors: FieldErrors = {};
  if (!plan) errors.planId = "定額プランを選択してください。";
  if (!isRealDate(startedOn)) errors.startedOn = "開始日を「2025-04-02」の形で入力してください。";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  prepared(db, "INSERT INTO plan_contracts (salon_id, customer_id, plan_id, status, started_on) VALUES (?, ?, ?, 'active', ?)").run(customer.salonId, customer.id, plan!.id, startedOn);
  return { ok: true };
}

/** 解約 or 決済失敗 of a contract of this customer. */
export function changeContract(db: Db, clock: Clock, customer: Customer, contractId: number, status: "cancelled" | "payment_failed"): boolean {
  const ended = status === "cancelled" ? jstDate(clock()) : null;
  return (
    prepared(db, "UPDATE plan_contracts SET status = ?, ended_on = coalesce(?, ended_on) WHERE id = ? AND customer_id = ? AND status <> 'cancelled'").run(status, ended, contractId, customer.id).changes > 0
  );
}

export interface DeletionRecord {
  deletedAt: Date;
  deletedBy: string | null;
  reason: "bulk" | "individual";
  count: number;
  customerNos: number[];
  cancelledReservations: number;
  endedContracts: number;
}

/** The deletion audit, newest first: numbers only, as it was recorded. */
export function listDeletions(db: Db, salonId: number, limit = 200): DeletionRecord[] {
  return prepared<{ deleted_at: number; name: string | null; reason: "bulk" | "individual"; count: number; customer_nos: string; cancelled_reservations: number; ended_contracts: number }>(
    db,
    `SELECT d.deleted_at, u.display_name AS name, d.reason, d.count, d.customer_nos, d.cancelled_reservations, d.ended_contracts
       FROM customer_deletions d LEFT JOIN users u ON u.id = d.deleted_by
      WHERE d.salon_id = ? ORDER BY d.deleted_at DESC, d.id DESC LIMIT ?`,
  )
    .all(salonId, limit)
    .map((r) => ({
      deletedAt: new Date(r.deleted_at),
      deletedBy: r.name,
      reason: r.reason,
      count: r.count,
      customerNos: JSON.parse(r.customer_nos) as number[],
      cancelledReservations: r.cancelled_reservations,
      endedContracts: r.ended_contracts,
    }));
}
