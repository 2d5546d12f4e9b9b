import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../db/client";
import { facilities, menus, plans, staff } from "../db/schema";
import { FormReader, type FieldErrors, type FormValues } from "../lib/form";

// The master data staff pick from all day: スタッフ, 設備, クーポン・メニュー, 定額プラン.
// Each is described once here (its fields, rules and list columns); the settings pages
// and their validation are made from that description.

export type FieldKind = "text" | "textarea" | "kana" | "int" | "bool" | "code";

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  max: number;
  min?: number;
  unit?: string;
  hint?: string;
  /** The value a new record's form starts with. */
  initial?: string;
}

type MasterTable = typeof staff | typeof facilities | typeof menus | typeof plans;
export type MasterRow = Record<string, unknown> & { id: number; salonId: number; active: boolean };

export interface MasterSpec {
  key: "staff" | "facilities" | "menus" | "plans";
  /** The page title and the noun in messages. */
  title: string;
  table: MasterTable;
  fields: FieldSpec[];
  /** Field names shown as columns in the list. */
  columns: string[];
}

const name = (label: string, max: number): FieldSpec => ({ name: "name", label, kind: "text", required: true, max });
const displayOrder: FieldSpec = {
  name: "displayOrder",
  label: "表示順",
  kind: "int",
  min: 0,
  max: 999,
  initial: "0",
  hint: "小さい順に左（上）から表示します。",
};
const active: FieldSpec = { name: "active", label: "有効（スケジュールや予約で選べる）", kind: "bool", max: 0, initial: "1" };
const salonboardCode: FieldSpec = {
  name: "salonboardCode",
  label: "SALON BOARDコード",
  kind: "code",
  max: 64,
  hint: "SALON BOARD連携で使うコードです。未連携なら空欄のままにしてください。",
};

export const MASTERS: Record<MasterSpec["key"], MasterSpec> = {
  staff: {
    key: "staff",
    title: "スタッフ",
    table: staff,
    fields: [
      name("氏名", 40),
      { name: "kana", label: "フリガナ", kind: "kana", required: true, max: 60 },
      {
        name: "capacity",
        label: "受付可能数",
        kind: "int",
        min: 1,
        max: 20,
        unit: "人",
        initial: "1",
        hint: "同じ時間に担当できるお客様の人数です。",
      },
      displayOrder,
      salonboardCode,
      active,
    ],
    columns: ["displayOrder", "name", "kana", "capacity", "salonboardCode", "active"],
  },
  facilities: {
    key: "facilities",
    title: "設備",
    table: facilities,
    fields: [
      name("設備名", 40),
      { name: "capacity", label: "受付可能数", kind: "int", min: 1, max: 99, unit: "人", initial: "1" },
      displayOrder,
      active,
    ],
    columns: ["displayOrder", "name", "capacity", "active"],
  },
  menus: {
    key: "menus",
    title: "クーポン・メニュー",
    table: menus,
    fields: [
      name("クーポン・メニュー名", 100),
      { name: "content", label: "内容", kind: "textarea", max: 1000 },
      { name: "durationMin", label: "所要時間", kind: "int", min: 5, max: 720, unit: "分", initial: "60" },
      { name: "price", label: "料金", kind: "int", min: 0, max: 1_000_000, unit: "円" },
      displayOrder,
      salonboardCode,
      active,
    ],
    columns: ["displayOrder", "name", "durationMin", "price", "salonboardCode", "active"],
  },
  plans: {
    key: "plans",
    title: "定額プラン",
    table: plans,
    fields: [
      name("プラン名", 100),
      { name: "monthlyPrice", label: "月額料金", kind: "int", min: 0, max: 1_000_000, unit: "円" },
      displayOrder,
      active,
    ],
    columns: ["displayOrder", "name", "monthlyPrice", "active"],
  },
};

export function listMasters(db: Db, spec: MasterSpec, salonId: number): MasterRow[] {
  const t = spec.table;
  return db.select().from(t).where(eq(t.salonId, salonId)).orderBy(asc(t.displayOrder), asc(t.id)).all() as MasterRow[];
}

/** A record of the salon, or undefined: another salon's id is as good as unknown. */
export function findMaster(db: Db, spec: MasterSpec, salonId: number, id: number): MasterRow | undefined {
  const t = spec.table;
  return db.select().from(t).where(and(eq(t.id, id), eq(t.salonId, salonId))).get() as MasterRow | undefined;
}

/** A record as the values of its form. */
export function masterFormValues(spec: MasterSpec, row?: MasterRow): FormValues {
  const values: FormValues = {};
  for (const f of spec.fields) {
    const v = row ? row[f.name] : undefined;
    if (row === undefined) values[f.name] = f.initial ?? "";
    else if (f.kind === "bool") values[f.name] = v ? "1" : "";
    else values[f.name] = v === null || v === undefined ? "" : String(v);
  }
  return values;
}

function readMaster(spec: MasterSpec, values: FormValues) {
  const form = new FormReader(values);
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    switch (f.kind) {
      case "text":
      case "textarea":
        out[f.name] = form.text(f.name, f);
        break;
      case "kana":
        out[f.name] = form.kana(f.name, f);
        break;
      case "int":
        out[f.name] = form.int(f.name, { label: f.label, min: f.min ?? 0, max: f.max, unit: f.unit });
        break;
      case "bool":
        out[f.name] = form.bool(f.name);
        break;
      case "code":
        out[f.name] = form.code(f.name, f);
        break;
    }
  }
  return { form, out };
}

export type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/** Creates (id null) or updates a record of the salon from its form. */
export function saveMaster(db: Db, spec: MasterSpec, salonId: number, id: number | null, values: FormValues): SaveResult {
  const { form, out } = readMaster(spec, values);
  const t = spec.table;
  if (typeof out.salonboardCode === "string" && "salonboardCode" in t) {
    const taken = db
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.salonId, salonId), eq(t.salonboardCode, out.salonboardCode), id === null ? undefined : ne(t.id, id)))
      .get();
    if (taken) form.fail("salonboardCode", `このSALON BOARDコードは他の${spec.title}で使われています。`);
  }
  if (!form.ok) return { ok: false, errors: form.errors };

  if (id === null) {
    const row = db
      .insert(t)
      .values({ ...out, salonId } as never)
      .returning({ id: t.id })
      .get();
    return { ok: true, id: row.id };
  }
  db.update(t)
    .set(out as never)
    .where(and(eq(t.id, id), eq(t.salonId, salonId)))
    .run();
  return { ok: true, id };
}
