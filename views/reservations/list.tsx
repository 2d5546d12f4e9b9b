import type { Staff } from "../../src/db/schema";
import { RESERVATION_ROUTES, RESERVATION_STATUSES, SYNC_STATES } from "../../src/db/schema";
import { displayNumber, noCustomerLabel, SYNC_LABELS, type ReservationFilter, type ReservationPage } from "../../src/domain/agenda";
import { STATUS_LABELS } from "../../src/domain/reservations";
import { formatMinute, formatShortDate } from "../../src/lib/jst";
import { statusBadge } from "./detail";
import { SyncFailedIcon } from "./sync";
import { Pager } from "../components/pager";

function FilterSelect(props: { name: string; label: string; options: { value: string; label: string; selected: boolean }[] }) {
  return (
    <div class="field short">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">すべて</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function filterQuery(f: ReservationFilter, page: number): string {
  const q = new URLSearchParams();
  q.set("from", f.from ?? "");
  if (f.to) q.set("to", f.to);
  if (f.status) q.set("status", f.status);
  if (f.staff !== null) q.set("staff", String(f.staff));
  if (f.route) q.set("route", f.route);
  if (f.sync) q.set("sync", f.sync);
  if (page > 1) q.set("page", String(page));
  return q.toString();
}

export function ReservationList({ filter, result, staff }: { filter: ReservationFilter; result: ReservationPage; staff: Staff[] }) {
  return (
    <section class="panel">
      <div class="title-row">
        <h1>予約一覧</h1>
        <a class="button" href="/reservations/new">
          ＋新規予約
        </a>
      </div>
      <form method="get" action="/reservations" class="filters">
        <div class="field short">
          <label for="f-from">来店日（から）</label>
          <input id="f-from" type="date" name="from" value={filter.from ?? ""} />
        </div>
        <div class="field short">
          <label for="f-to">来店日（まで）</label>
          <input id="f-to" type="date" name="to" value={filter.to ?? ""} />
        </div>
        <FilterSelect name="status" label="ステータス" options={RESERVATION_STATUSES.map((st) => ({ value: st, label: STATUS_LABELS[st], selected: filter.status === st }))} />
        <FilterSelect
          name="staff"
          label="スタッフ"
          options={[
            { value: "none", label: "指名なし", selected: filter.staff === "none" },
            ...staff.map((st) => ({ value: String(st.id), label: st.name, selected: filter.staff === st.id })),
          ]}
        />
        <FilterSelect name="route" label="予約経路" options={RESERVATION_ROUTES.map((r) => ({ value: r, label: r, selected: filter.route === r }))} />
        <FilterSelect name="sync" label="連携状況" options={SYNC_STATES.map((st) => ({ value: st, label: SYNC_LABELS[st], selected: filter.sync === st }))} />
        <div class="form-actions">
          <a href="/reservations">条件クリア</a>
          <button type="submit" class="primary">
            検索
          </button>
        </div>
      </form>
      <p class="count">全{result.total.toLocaleString("ja-JP")}件</p>
      {result.rows.length === 0 ? (
        <p class="empty">条件に合う予約はありません。</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">予約番号</th>
              <th scope="col">来店日時</th>
              <th scope="col">お客様</th>
              <th scope="col">クーポン・メニュー</th>
              <th scope="col">スタッフ</th>
              <th scope="col">予約経路</th>
              <th scope="col">ステータス</th>
              <th scope="col">連携状況</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/reservations/${r.id}`}>{displayNumber(r)}</a>
                </td>
                <td class="nowrap">
                  {formatShortDate(r.date)} {formatMinute(r.startMinute)}
                  {r.status === "provisional" ? "〜" : `〜${formatMinute(r.endMinute)}`}
                </td>
                <td>{r.customerName ? `${r.customerName} 様` : noCustomerLabel(r)}</td>
                <td>{r.menuName || "—"}</td>
                <td>{r.staffName ?? "指名なし"}</td>
                <td>{r.route}</td>
                <td>{statusBadge(r.status)}</td>
                <td>
                  <SyncFailedIcon r={r} />
                  {r.syncState ? (r.syncState === "failed" ? `失敗（${r.syncError ?? ""}）` : SYNC_LABELS[r.syncState]) : "—"}
                  {r.transcribedAt && <span class="muted">（転記済）</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.pages > 1 && <Pager page={result.page} pages={result.pages} href={(page) => `/reservations?${filterQuery(filter, page)}`} />}
    </section>
  );
}

