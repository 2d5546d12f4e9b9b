import { eq } from "drizzle-orm";
import { prepared, type Db } from "../db/client";
import { salonboardConnections, type SalonboardConnection } from "../db/schema";
import { FormReader, type FieldErrors, type FormValues } from "../lib/form";
import { callSalonBoard, type Connector } from "./client";

/** The salon's connector when sync is on; null when it is off or not set up. */
export function connectorOf(db: Db, salonId: number): Connector | null {
  const row = prepared<{ url: string; token: string }>(db, "SELECT url, token FROM salonboard_connections WHERE salon_id = ? AND enabled = 1").get(salonId);
  return row ?? null;
}

export function findConnection(db: Db, salonId: number): SalonboardConnection | undefined {
  return db.select().from(salonboardConnections).where(eq(salonboardConnections.salonId, salonId)).get();
}

/** Salons whose sync is on: what the runner serves. */
export function connectedSalons(db: Db): number[] {
  return prepared<{ salon_id: number }>(db, "SELECT salon_id FROM salonboard_connections WHERE enabled = 1 ORDER BY salon_id").all().map((r) => r.salon_id);
}

export function connectSalon(db: Db, salonId: number, input: { url: string; token: string; enabled: boolean }): void {
  db.insert(salonboardConnections)
    .values({ salonId, ...input })
    .onConflictDoUpdate({ target: salonboardConnections.salonId, set: input })
    .run();
}

// ---------------------------------------------------------------- 設定 → SALON BOARD連携

export interface ConnectionHealth {
  lastPushAt: Date | null;
  lastPullAt: Date | null;
  /** Reservations waiting to be sent. */
  backlog: number;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export function connectionHealth(db: Db, salonId: number): ConnectionHealth {
  const c = findConnection(db, salonId);
  const backlog = prepared<{ n: number }>(db, "SELECT count(DISTINCT reservation_id) AS n FROM sync_outbox WHERE salon_id = ?").get(salonId)!.n;
  return { lastPushAt: c?.lastPushAt ?? null, lastPullAt: c?.lastPullAt ?? null, backlog, lastError: c?.lastError ?? null, lastErrorAt: c?.lastErrorAt ?? null };
}

/** The form's values: the token is never shown back, only whether one is set. */
export function connectionFormValues(c: SalonboardConnection | undefined): FormValues {
  return { url: c?.url ?? "", token: "", enabled: c?.enabled === false ? "" : "1" };
}

/** Saves URL, token (blank keeps the current one) and on/off. A new URL starts a new event history. */
export function saveConnection(db: Db, salonId: number, values: FormValues): { ok: true } | { ok: false; errors: FieldErrors } {
  const form = new FormReader(values);
  const url = form.text("url", { label: "接続先URL", required: true, max: 300 }).replace(/\/+$/, "");
  if (url && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)) form.fail("url", "接続先URLは「http://」または「https://」から始まる形で入力してください。");
  const tokenText = (values.token ?? "").trim();
  const existing = findConnection(db, salonId);
  if (!tokenText && !existing) form.fail("token", "トークンを入力してください。");
  if (tokenText.length > 500) form.fail("token", "トークンは500文字以内で入力してください。");
  const enabled = form.bool("enabled");
  if (!form.ok) return { ok: false, errors: form.errors };
  db.transaction(() => {
    connectSalon(db, salonId, { url, token: tokenText || existing!.token, enabled });
    if (existing && existing.url !== url) prepared(db, "UPDATE salonboard_connections SET cursor = NULL, last_error = NULL WHERE salon_id = ?").run(salonId);
  });
  return { ok: true };
}

export interface PeerMasters {
  staff: { code: string; name: string }[];
  coupons: { code: string; name: string }[];
}

const codeList = (v: unknown): { code: string; name: string }[] =>
  Array.isArray(v)
    ? v.flatMap((x) => (x && typeof x === "object" && typeof (x as Json).code === "string" ? [{ code: String((x as Json).code).slice(0, 20), name: String((x as Json).name ?? "").slice(0, 100) }] : []))
    : [];
type Json = Record<string, unknown>;

/** 接続テスト: SALON BOARD's staff and coupons, or why they could not be read. */
export async function fetchPeerMasters(connector: Connector, timeoutMs = 5_000): Promise<{ ok: true; masters: PeerMasters } | { ok: false; message: string }> {
  const staff = await callSalonBoard(connector, "GET", "/v1/staff", undefined, timeoutMs);
  if (staff.kind !== "ok") return { ok: false, message: staff.message };
  const coupons = await callSalonBoard(connector, "GET", "/v1/coupons", undefined, timeoutMs);
  if (coupons.kind !== "ok") return { ok: false, message: coupons.message };
  return { ok: true, masters: { staff: codeList(staff.body.staff), coupons: codeList(coupons.body.coupons) } };
}

/** Links the salon's staff and menus to SALON BOARD's codes, in one transaction. */
export function saveMapping(db: Db, salonId: number, values: FormValues, masters: PeerMasters): { ok: true } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const plan: { table: "staff" | "menus"; id: number; code: string | null }[] = [];
  for (const [table, known, label] of [["staff", masters.staff, "スタッフ"], ["menus", masters.coupons, "クーポン"]] as const) {
    const rows = prepared<{ id: number; name: string }>(db, `SELECT id, name FROM ${table} WHERE salon_id = ? AND active = 1`).all(salonId);
    const used = new Map<string, string>();
    for (const row of rows) {
      const field = `${table}-${row.id}`;
      const code = (values[field] ?? "").trim() || null;
      if (code !== null && !known.some((k) => k.code === code)) errors[field] = `SALON BOARDに${label}コード「${code}」はありません。`;
      else if (code !== null && used.has(code)) errors[field] = `${label}コード「${code}」は「${used.get(code)}」にも選ばれています。`;
      if (code !== null) used.set(code, row.name);
      plan.push({ table, id: row.id, code });
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  db.transaction(() => {
    // Codes are unique per salon: clear first so two rows can swap codes.
    for (const p of plan) prepared(db, `UPDATE ${p.table} SET salonboard_code = NULL WHERE id = ? AND salon_id = ?`).run(p.id, salonId);
    for (const p of plan) prepared(db, `UPDATE ${p.table} SET salonboard_code = ? WHERE id = ? AND salon_id = ?`).run(p.code, p.id, salonId);
  });
  return { ok: true };
}
