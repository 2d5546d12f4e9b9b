import { noCustomerLabel, type ReservationView } from "../../src/domain/agenda";
import { formatAsOf, formatMinute, weekdayOf, WEEKDAYS } from "../../src/lib/jst";
import type { SyncAlert } from "../../src/domain/notices";
import { NoticeSummary } from "../notices/index";
import { statusBadge } from "../reservations/detail";

export interface HomeProps {
  now: Date;
  salonName: string;
  today: ReservationView[];
  week: { date: string; count: number }[];
  notices: { alert: SyncAlert; appName: string; etag: string; pollSeconds: number };
}

/** ホーム: お知らせ, 本日のスケジュール and 週間予約状況, as in the manual's screenshot. */
export function HomePage({ now, salonName, today, week, notices }: HomeProps) {
  return (
    <>
      <h1 class="visually-hidden">ホーム（{salonName}）</h1>
      <section class="panel notices-block" aria-labelledby="home-notices">
        <h2 id="home-notices">
          お知らせ <span class="as-of">{formatAsOf(now)} 時点</span>
        </h2>
        <NoticeSummary {...notices} />
        <p class="more">
          <a href="/notices">お知らせ一覧を表示</a>
        </p>
      </section>
      <section class="panel" aria-labelledby="home-today">
        <div class="title-row">
          <h2 id="home-today">本日のスケジュール</h2>
          <a href="/schedule">スケジュールを開く</a>
        </div>
        {today.length === 0 ? (
          <p class="empty">本日の予約はありません。</p>
        ) : (
          <table class="list">
            <thead>
              <tr>
                <th scope="col">時間</th>
                <th scope="col">お客様</th>
                <th scope="col">クーポン・メニュー</th>
                <th scope="col">スタッフ</th>
                <th scope="col">ステータス</th>
              </tr>
            </thead>
            <tbody>
              {today.map((r) => (
                <tr>
                  <td class="nowrap">
                    <a href={`/reservations/${r.id}`}>
                      {formatMinute(r.startMinute)}
                      {r.status === "provisional" ? "〜" : `〜${formatMinute(r.endMinute)}`}
                    </a>
                  </td>
                  <td>{r.customerName ? `${r.customerName} 様` : noCustomerLabel(r)}</td>
                  <td>{r.menuName || "—"}</td>
                  <td>{r.staffName ?? "指名なし"}</td>
                  <td>{statusBadge(r.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="panel" aria-labelledby="home-week">
        <h2 id="home-week">週間予約状況</h2>
        <table class="week">
          <thead>
            <tr>
              {week.map(({ date }) => {
                const wd = weekdayOf(date);
                return (
                  <th scope="col" class={wd === 0 ? "sun" : wd === 6 ? "sat" : undefined}>
                    {WEEKDAYS[wd]}
                    <br />
                    {Number(date.slice(5, 7))}/{Number(date.slice(8, 10))}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            <tr>
              {week.map(({ date, count }) => (
                <td>
                  <a href={`/schedule?date=${date}`}>{count}件</a>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
    </>
  );
}
