import { eq, sql } from "drizzle-orm";
import { prepared, preparedQuery, type Db } from "../db/client";
import { customers, type Customer } from "../db/schema";
import { FormReader, toKatakana } from "../lib/form";
import { isPhone, normalizePhone } from "../lib/phone";

export interface NewCustomer {
  lastName: string | null;
  firstName: string | null;
  lastNameKana: string;
  firstNameKana: string;
  phone: string | null;
  registrationRoute: Customer["registrationRoute"];
}

/** A customer's name as staff write it: 漢字 when known, else カナ. */
export function customerName(c: Pick<Customer, "lastName" | "firstName" | "lastNameKana" | "firstNameKana">): string {
  const kanji = [c.lastName, c.firstName].filter(Boolean).join(" ");
  return kanji || [c.lastNameKana, c.firstNameKana].filter(Boolean).join(" ");
}

export function customerKana(c: Pick<Customer, "lastNameKana" | "firstNameKana">): string {
  return [c.lastNameKana, c.firstNameKana].filter(Boolean).join(" ");
}

export function findCustomer(db: Db, salonId: number, id: number): Customer | undefined {
  return db.query.customers.findFirst({ where: (c, { and, eq }) => and(eq(c.id, id), eq(c.salonId, salonId)) }).sync();
}

/** Adds a customer with the next お客様番号 of the salon. Call inside the writing transaction. */
export function insertCustomer(db: Db, salonId: number, input: NewCustomer): Customer {
  const next = prepared<{ n: number }>(db, "SELECT coalesce(max(customer_no), 0) + 1 AS n FROM customers WHERE salon_id = ?").get(salonId)!.n;
  // A prepared statement: SALON BOARD's new customers arrive by the thousand.
  const id = prepared(
    db,
    "INSERT INTO customers (salon_id, customer_no, last_name, first_name, last_name_kana, first_name_kana, phone, registration_route) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(salonId, next, input.lastName, input.firstName, input.lastNameKana, input.firstNameKana, input.phone, input.registrationRoute).lastInsertRowid;
  return preparedQuery(db, "customerById", () => db.select().from(customers).where(eq(customers.id, sql.placeholder("id"))).prepare()).get({ id: Number(id) })!;
}

/** Reads the inline new-customer fields (prefix `new`) of a form; null when all are empty. */
export function readNewCustomer(form: FormReader, route: NewCustomer["registrationRoute"]): NewCustomer | null {
  const names = ["newLastName", "newFirstName", "newLastNameKana", "newFirstNameKana", "newPhone"];
  if (names.every((n) => (form.values[n] ?? "").trim() === "")) return null;
  const lastName = form.optionalText("newLastName", { label: "姓", max: 30 });
  const firstName = form.optionalText("newFirstName", { label: "名", max: 30 });
  const lastNameKana = form.kana("newLastNameKana", { label: "セイ", required: true, max: 30 });
  const firstNameKana = form.kana("newFirstNameKana", { label: "メイ", max: 30 });
  const phoneText = (form.values.newPhone ?? "").trim();
  const phone = phoneText ? normalizePhone(phoneText) : null;
  if (phone !== null && !isPhone(phone)) form.fail("newPhone", "電話番号は0から始まる10桁または11桁の数字で入力してください。");
  return { lastName, firstName, lastNameKana, firstNameKana, phone, registrationRoute: route };
}

export interface CustomerHit {
  id: number;
  customerNo: number;
  name: string;
  kana: string;
  phone: string | null;
}

/** Customers matching a name, kana or phone as staff type it (width, kana and hyphens folded). */
export function searchCustomers(db: Db, salonId: number, query: string, limit = 10): CustomerHit[] {
  const q = query.normalize("NFKC").trim();
  if (q === "") return [];
  const kana = toKatakana(q).replace(/\s+/g, "");
  const digits = normalizePhone(q);
  type Row = { id: number; customer_no: number; last_name: string | null; first_name: string | null; last_name_kana: string; first_name_kana: string; phone: string | null };
  const rows = prepared<Row>(
    db,
    `SELECT id, customer_no, last_name, first_name, last_name_kana, first_name_kana, phone FROM customers
      WHERE salon_id = ?
        AND ((last_name_kana || first_name_kana) LIKE ? ESCAPE '\\'
          OR (coalesce(last_name, '') || coalesce(first_name, '')) LIKE ? ESCAPE '\\'
          OR (? <> '' AND phone LIKE ? ESCAPE '\\'))
      ORDER BY last_name_kana, first_name_kana, customer_no LIMIT ?`,
  ).all(salonId, `%${escapeLike(kana)}%`, `%${escapeLike(q.replace(/\s+/g, ""))}%`, /^\d+$/.test(digits) ? digits : "", `%${escapeLike(digits)}%`, limit);
  return rows.map((r) => ({
    id: r.id,
    customerNo: r.customer_no,
    name: customerName({ lastName: r.last_name, firstName: r.first_name, lastNameKana: r.last_name_kana, firstNameKana: r.first_name_kana }),
    kana: customerKana({ lastNameKana: r.last_name_kana, firstNameKana: r.first_name_kana }),
    phone: r.phone,
  }));
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
