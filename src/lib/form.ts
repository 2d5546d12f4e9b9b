import type { Context } from "hono";

/** What the user typed, by field name; re-rendered as typed when validation fails. */
export type FormValues = Record<string, string>;
/** A Japanese message per field name. */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody({ all: false });
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

/** Folds full-width digits and letters to half-width and trims: staff type both. */
export function fold(text: string | undefined): string {
  return (text ?? "").normalize("NFKC").trim();
}

const HIRAGANA = /[\u3041-\u3096]/g;

/** Hiragana to katakana, half-width katakana to full-width, spaces folded to one. */
export function toKatakana(text: string): string {
  return text
    .normalize("NFKC")
    .replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(/\s+/g, " ")
    .trim();
}

const KATAKANA_ONLY = /^[\u30A1-\u30FA\u30FC\u30FB ]+$/;

export function isKatakana(text: string): boolean {
  return KATAKANA_ONLY.test(text);
}

export interface TextRule {
  label: string;
  required?: boolean;
  max: number;
}

/**
 * Small validators: each reads one field, and writes its message into `errors` when the
 * input is wrong. They return the clean value (or a fallback that is never saved).
 */
export class FormReader {
  readonly errors: FieldErrors = {};
  constructor(readonly values: FormValues) {}

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  text(name: string, rule: TextRule): string {
    const value = (this.values[name] ?? "").trim();
    if (value === "") {
      if (rule.required) this.errors[name] = `${rule.label}を入力してください。`;
      return "";
    }
    if ([...value].length > rule.max) this.errors[name] = `${rule.label}は${rule.max}文字以内で入力してください。`;
    return value;
  }

  optionalText(name: string, rule: Omit<TextRule, "required">): string | null {
    const value = this.text(name, rule);
    return value === "" ? null : value;
  }

  kana(name: string, rule: TextRule): string {
    const value = toKatakana(this.values[name] ?? "");
    if (value === "") {
      if (rule.required) this.errors[name] = `${rule.label}を入力してください。`;
      return "";
    }
    if (!isKatakana(value)) this.errors[name] = `${rule.label}はカタカナで入力してください。`;
    else if ([...value].length > rule.max) this.errors[name] = `${rule.label}は${rule.max}文字以内で入力してください。`;
    return value;
  }

  int(name: string, rule: { label: string; min: number; max: number; unit?: string }): number {
    const raw = fold(this.values[name]).replace(/,/g, "");
    if (raw === "") {
      this.errors[name] = `${rule.label}を入力してください。`;
      return rule.min;
    }
    const n = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < rule.min || n > rule.max) {
      const unit = rule.unit ?? "";
      this.errors[name] = `${rule.label}は${rule.min.toLocaleString("ja-JP")}${unit}〜${rule.max.toLocaleString("ja-JP")}${unit}の整数で入力してください。`;
      return rule.min;
    }
    return n;
  }

  bool(name: string): boolean {
    const v = this.values[name];
    return v === "1" || v === "on" || v === "true";
  }

  oneOf<T extends string>(name: string, rule: { label: string; options: readonly T[] }): T {
    const value = this.values[name] ?? "";
    if (!(rule.options as readonly string[]).includes(value)) {
      this.errors[name] = `${rule.label}を選択してください。`;
      return rule.options[0] as T;
    }
    return value as T;
  }

  /** A code shared with SALON BOARD: letters, digits, "_" and "-". */
  code(name: string, rule: { label: string; max: number }): string | null {
    const value = fold(this.values[name]);
    if (value === "") return null;
    if (!/^[A-Za-z0-9_-]+$/.test(value)) this.errors[name] = `${rule.label}は半角英数字と「-」「_」で入力してください。`;
    else if (value.length > rule.max) this.errors[name] = `${rule.label}は${rule.max}文字以内で入力してください。`;
    return value;
  }

  fail(name: string, message: string): void {
    this.errors[name] ??= message;
  }
}
