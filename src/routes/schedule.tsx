import { Hono, type Context } from "hono";
import { ScheduleGrid, SchedulePage } from "../../views/schedule/page";
import type { SignedInEnv } from "../context";
import { dailySchedule } from "../domain/agenda";
import { overrideSlotCapacity, salonDay } from "../domain/capacity";
import { FormReader, readForm } from "../lib/form";
import { formatAsOf, isRealDate, jstDate } from "../lib/jst";
import { CachedFragment, type Fragment, isHtmx, renderPageAround, renderToString, sendFragment } from "../lib/render";
import { salonRevision } from "../domain/salons";
import { syncAlert, syncAlertEtag } from "../domain/notices";

type Ctx = Context<SignedInEnv>;

function dateParam(c: Ctx, value: string | undefined): string {
  return value && isRealDate(value) ? value : jstDate(c.get("deps").clock());
}

/** The grid as staff see it now: rendered again only when the salon's data or the minute changed. */
function gridFragment(c: Ctx, date: string): Fragment {
  const { db, clock } = c.get("deps");
  const salonId = c.get("user").salonId;
  const now = clock();
  return {
    key: `schedule:${salonId}:${date}`,
    stamp: `${salonRevision(db, salonId)}|${formatAsOf(now)}`,
    render: () => renderToString(<ScheduleGrid schedule={dailySchedule(db, salonId, date)} date={date} now={now} />),
  };
}

export const scheduleRoutes = new Hono<SignedInEnv>()
  .get("/", (c) => {
    const { db, clock, config } = c.get("deps");
    const date = dateParam(c, c.req.query("date"));
    const state = syncAlert(db, c.get("user").salonId, clock());
    const alert = { alert: state, etag: syncAlertEtag(state), pollSeconds: config.noticePollSeconds };
    const shell = { date, today: jstDate(clock()), csrfToken: c.get("session").csrfToken, alert };
    return renderPageAround(c, { title: "日次スケジュール", nav: "schedule" }, <SchedulePage {...shell} grid={<CachedFragment />} />, gridFragment(c, date), shell);
  })
  .get("/grid", (c) => sendFragment(c, gridFragment(c, dateParam(c, c.req.query("date")))))
  .post("/capacity", async (c) => {
    const { db } = c.get("deps");
    const salonId = c.get("user").salonId;
    const form = new FormReader(await readForm(c));
    const date = form.values.date ?? "";
    if (!isRealDate(date)) return c.text("日付が正しくありません。", 400);
    const slot = Number(form.values.slot);
    if (!salonDay(db, salonId, date).slots.includes(slot)) return c.text("予約枠が正しくありません。", 400);
    const field = `capacity-${slot}`;
    const capacity = form.int(field, { label: "受付可能数", min: 0, max: 99, unit: "人" });
    if (!form.ok) return c.text(form.errors[field] ?? "", 400);
    overrideSlotCapacity(db, salonId, date, slot, capacity);
    if (isHtmx(c)) return sendFragment(c, gridFragment(c, date));
    return c.redirect(`/schedule?date=${date}`, 303);
  });
