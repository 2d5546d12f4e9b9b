import type { Child } from "hono/jsx";
import { noCustomerLabel, type Badge, type DailySchedule, type ScheduleColumn } from "../../src/domain/agenda";
import type { SyncAlert } from "../../src/domain/notices";
import { ScheduleAlert } from "../notices/index";
import { SyncFailedIcon } from "../reservations/sync";
import { addDays, formatAsOf, formatMinute, weekdayOf, WEEKDAYS } from "../../src/lib/jst";

interface GridProps {
  schedule: DailySchedule;
  date: string;
  now: Date;
}

/** The 受付可能数 controls of every row submit through this one form (their form= attribute). */
const CAPACITY_FORM = "capacity-form";

const title = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${WEEKDAYS[weekdayOf(date)]}）`;

/** The page around the grid; the grid itself is a cached fragment (<CachedFragment />). */
export function SchedulePage(props: { date: string; today: string; csrfToken: string; grid: Child; alert: { alert: SyncAlert; etag: string; pollSeconds: number } }) {
  const { date } = props;
  return (
    <section class="panel schedule">
      <div class="title-row">
        <h1>日次スケジュール</h1>
        <a class="button" href={`/reservations/new?date=${date}`}>
          ＋新規予約
        </a>
      </div>
      <ScheduleAlert {...props.alert} />
      <div class="schedule-toolbar">
        <strong class="day">{title(date)}</strong>
        <nav class="day-nav" aria-label="日付の移動">
          <a href={`/schedule?date=${props.today}`}>今日</a>
          <a href={`/schedule?date=${addDays(date, -1)}`}>前の日</a>
          <a href={`/schedule?date=${addDays(date, 1)}`}>次の日</a>
        </nav>
        <form method="get" action="/schedule" class="inline date-jump">
          <label for="schedule-date">日付を指定</label>
          <input id="schedule-date" type="date" name="date" value={date} />
          <button type="submit">表示</button>
        </form>
        <button type="button" hx-get={`/schedule/grid?date=${date}`} hx-target="#schedule-grid" hx-swap="outerHTML">
          最新を表示
        </button>
      </div>
      <form id={CAPACITY_FORM} method="post" action="/schedule/capacity">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="date" value={date} />
      </form>
      {props.grid}
      <dialog id="reservation-window" aria-labelledby="window-title">
        <div id="window-body"></div>
      </dialog>
    </section>
  );
}

/** The grid alone: what 最新を表示 fetches, and what a change in the window refreshes. */
export function ScheduleGrid({ schedule, date, now }: GridProps) {
  const { day, columns, counts } = schedule;
  return (
    <div id="schedule-grid" hx-get={`/schedule/grid?date=${date}`} hx-trigger="schedule-changed from:body" hx-swap="outerHTML">
      <p class="as-of">{formatAsOf(now)} 時点</p>
      {!day.isOpen && <p class="alert info">{WEEKDAYS[weekdayOf(date)]}曜日は定休日です。</p>}
      <div class="grid-scroll">
        <table class="schedule-grid" hx-target="#window-body" hx-swap="innerHTML">
          <caption class="visually-hidden">{title(date)}のスケジュール</caption>
          <thead>
            <tr>
              <th scope="col">時間</th>
              <th scope="col">予約数</th>
              <th scope="col">受付可能数</th>
              {columns.map((c) => (
                <th scope="colgroup" colspan={c.lanes.length} class={c.facilityId ? "facility" : undefined}>
                  {c.label}
                  <span class="cap">{c.capacityLabel}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {day.slots.map((slot, row) => (
              <tr class={slot % 60 === 0 ? "hour" : undefined}>
                <th scope="row">{formatMinute(slot)}</th>
                <td class={`num${counts[row]! > day.capacityAt(slot) ? " over" : ""}`}>{counts[row]}</td>
                <td>
                  <CapacityCell slot={slot} capacity={day.capacityAt(slot)} overridden={day.isOverridden(slot)} />
                </td>
                {columns.map((c) => c.lanes.map((lane) => <LaneCell column={c} lane={lane} row={row} slot={slot} date={date} />))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function CapacityCell({ slot, capacity, overridden }: { slot: number; capacity: number; overridden: boolean }) {
  const id = `cap-${slot}`;
  const options = Array.from({ length: Math.max(capacity, 10) + 1 }, (_, i) => i);
  return (
    <div class="capacity">
      <label for={id} class="visually-hidden">
        {formatMinute(slot)}の受付可能数
      </label>
      <select
        id={id}
        name={`capacity-${slot}`}
        form={CAPACITY_FORM}
        class={overridden ? "overridden" : undefined}
        hx-post="/schedule/capacity"
        hx-vals={JSON.stringify({ slot: String(slot) })}
        hx-target="#schedule-grid"
        hx-swap="outerHTML"
      >
        {options.map((n) => (
          <option selected={n === capacity}>{n}</option>
        ))}
      </select>
      <button type="submit" form={CAPACITY_FORM} name="slot" value={String(slot)} class="js-hidden">
        変更
      </button>
    </div>
  );
}

function LaneCell({ column, lane, row, slot, date }: { column: ScheduleColumn; lane: Badge[]; row: number; slot: number; date: string }) {
  const starting = lane.find((b) => b.row === row);
  if (starting) return <BadgeCell badge={starting} />;
  if (lane.some((b) => b.row < row && b.row + b.span > row)) return null; // covered by a rowspan
  if (column.facilityId) return <td></td>;
  // A plain template: this runs for every empty cell of a 30-stylist day.
  const href = `/reservations/new?date=${date}&time=${encodeURIComponent(formatMinute(slot))}${column.staffId ? `&staffId=${column.staffId}` : ""}`;
  return (
    <td>
      <a class="add" href={href}>
        <span class="visually-hidden">
          {column.label} {formatMinute(slot)}に
        </span>
        ＋
      </a>
    </td>
  );
}

function BadgeCell({ badge }: { badge: Badge }) {
  const r = badge.view;
  return (
    // hx-target and hx-swap (the window) come from the table.
    <td rowspan={badge.span}>
      <a class={`badge ${r.status}`} href={`/reservations/${r.id}`} hx-get={`/reservations/${r.id}/window`}>
        <span class="time">
          <SyncFailedIcon r={r} />
          {formatMinute(r.startMinute)}
          {r.status === "provisional" ? " 仮登録" : `〜${formatMinute(r.endMinute)}`}
        </span>
        <span class="name">{r.customerName ? `${r.customerName}様` : noCustomerLabel(r)}</span>
        <span class="menu">{r.menuName}</span>
      </a>
    </td>
  );
}
