import { addDays, formatAsOf, weekdayOf, WEEKDAYS } from "../../src/lib/jst";

export interface HomeProps {
  now: Date;
  today: string;
  salonName: string;
}

/** ホーム: お知らせ, 本日のスケジュール and 週間予約状況, as in the manual's screenshot. */
export function HomePage({ now, today, salonName }: HomeProps) {
  const week = Array.from({ length: 7 }, (_, i) => addDays(today, i));
  return (
    <>
      <h1 class="visually-hidden">ホーム（{salonName}）</h1>
      <section class="panel notices-block" aria-labelledby="home-notices">
        <h2 id="home-notices">
          お知らせ <span class="as-of">{formatAsOf(now)} 時点</span>
        </h2>
        <p class="empty">新しいお知らせはありません。</p>
      </section>
      <section class="panel" aria-labelledby="home-today">
        <h2 id="home-today">本日のスケジュール</h2>
        <p class="empty">本日の予約はありません。</p>
      </section>
      <section class="panel" aria-labelledby="home-week">
        <h2 id="home-week">週間予約状況</h2>
        <table class="week">
          <thead>
            <tr>
              {week.map((d) => {
                const wd = weekdayOf(d);
                return (
                  <th scope="col" class={wd === 0 ? "sun" : wd === 6 ? "sat" : undefined}>
                    {WEEKDAYS[wd]}
                    <br />
                    {Number(d.slice(5, 7))}/{Number(d.slice(8, 10))}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            <tr>
              {/* Reservation counts arrive with the reservations feature. */}
              {week.map(() => (
                <td>—</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
    </>
  );
}
