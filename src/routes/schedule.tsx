import { Hono, type Context } from "hono";
import { ScheduleGrid, SchedulePage } from "../../views/schedule/page";
import type { SignedInEnv } from "../context";
import { dailySchedule } from "../domain/agenda";
import { overrideSlotCapacity, salonDay } from "../domain/capacity";
import { FormReader, readForm } from "../lib/form";
import { isRealDate, jstDate } from "../lib/jst";
import { isHtmx, renderPage } from "../lib/render";

type Ctx = Context<SignedInEnv>;

function dateParam(c: Ctx, value: string | undefined): string {
  return value && isRealDate(value) ? value : jstDate(c.get("deps").clock());
}

function grid(c: Ctx, date: string, status: 200 | 422 = 200) {
  const { db, clock } = c.get("deps");
  const schedule = dailySchedule(db, c.get("user").salonId, date);
  return c.html(<ScheduleGrid schedule={schedule} date={date} now={clock()} csrfToken={c.get("session").csrfToken} />, status);
}

export const scheduleRoutes = new Hono<SignedInEnv>()
  .get("/", (c) => {
    const { db, clock } = c.get("deps");
    const date = dateParam(c, c.req.query("date"));
    const schedule = dailySchedule(db, c.get("user").salonId, date);
    const page = <SchedulePage schedule={schedule} date={date} now={clock()} today={jstDate(clock())} csrfToken={c.get("session").csrfToken} />;
    return renderPage(c, { title: "日次スケジュール", nav: "schedule" }, page);
  })
  .get("/grid", (c) => grid(c, dateParam(c, c.req.query("date"))))
  .post("/capacity", async (c) => {
    const { db } = c.get("deps");
    const salonId = c.get("user").salonId;
    const form = new FormReader(await readForm(c));
    const date = form.values.date ?? "";
    if (!isRealDate(date)) return c.text("日付が正しくありません。", 400);
    const slot = Number(form.values.slot);
    if (!salonDay(db, salonId, date).slots.includes(slot)) return c.text("予約枠が正しくありません。", 400);
    const capacity = form.int("capacity", { label: "受付可能数", min: 0, max: 99, unit: "人" });
    if (!form.ok) return c.text(form.errors.capacity ?? "", 400);
    overrideSlotCapacity(db, salonId, date, slot, capacity);
    if (isHtmx(c)) return grid(c, date);
    return c.redirect(`/schedule?date=${date}`, 303);
  });
