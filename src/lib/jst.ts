// Japan has had no daylight saving time since 1951: salon-local time is UTC+9.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

export interface JstParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

export function jstParts(date: Date): JstParts {
  const d = new Date(date.getTime() + JST_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2025.04.01 16:23", as in the manual's "… 時点". */
export function formatAsOf(date: Date): string {
  const p = jstParts(date);
  return `${p.year}.${pad(p.month)}.${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2025/04/01 16:23" */
export function formatDateTime(date: Date): string {
  const p = jstParts(date);
  return `${p.year}/${pad(p.month)}/${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The salon-local calendar day, "YYYY-MM-DD". */
export function jstDate(date: Date): string {
  const p = jstParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** A real calendar date written YYYY-MM-DD (not 2025-02-30). */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Adds whole days to a "YYYY-MM-DD" calendar date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

/** 600 -> "10:00" */
export function formatMinute(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** "10:00" -> 600; null when it is not a time of day. */
export function parseMinute(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** "2025年04月02日(水)" */
export function formatJapaneseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${y}年${m}月${d}日(${WEEKDAYS[weekdayOf(isoDate)]})`;
}

/** 来店日時 as the manual writes it: "2025年04月02日(水) 11:00~13:00 【所要時間:120分】" */
export function formatVisit(isoDate: string, startMinute: number, durationMin: number): string {
  return `${formatJapaneseDate(isoDate)} ${formatMinute(startMinute)}~${formatMinute(startMinute + durationMin)} 【所要時間:${durationMin}分】`;
}

/** "4/2(水)" */
export function formatShortDate(isoDate: string): string {
  return `${Number(isoDate.slice(5, 7))}/${Number(isoDate.slice(8, 10))}(${WEEKDAYS[weekdayOf(isoDate)]})`;
}

/** "2025/1/12", as お知らせ dates its messages. */
export function formatNoticeDate(date: Date): string {
  const p = jstParts(date);
  return `${p.year}/${p.month}/${p.day}`;
}

/** "2025/1/12 19:00", the first line of a message's detail. */
export function formatNoticeDateTime(date: Date): string {
  const p = jstParts(date);
  return `${p.year}/${p.month}/${p.day} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2025/03/10", as the customer page writes dates. */
export function formatSlashDate(isoDate: string): string {
  return isoDate.replace(/-/g, "/");
}
