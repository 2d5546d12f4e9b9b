import type { Customer } from "../../src/db/schema";
import type { ReservationView } from "../../src/domain/agenda";
import { customerKana, customerName } from "../../src/domain/customers";
import { formatMinute, formatShortDate } from "../../src/lib/jst";
import { formatPhone } from "../../src/lib/phone";
import { statusBadge } from "../reservations/detail";

const GENDER_LABELS: Record<Customer["gender"], string> = { female: "女性", male: "男性", other: "その他", unanswered: "無回答" };

export interface VisitSummary {
  first: string | null;
  last: string | null;
  count: number;
}

export function CustomerPage({ customer, visits, history }: { customer: Customer; visits: VisitSummary; history: ReservationView[] }) {
  return (
    <>
      <section class="panel">
        <h1>
          {customerName(customer)}（{customerKana(customer)}）様
        </h1>
        <dl class="details">
          <dt>お客様番号</dt>
          <dd>{customer.customerNo}</dd>
          <dt>電話番号</dt>
          <dd>{formatPhone(customer.phone) || "—"}</dd>
          <dt>メール</dt>
          <dd>{customer.email ?? "—"}</dd>
          <dt>誕生日</dt>
          <dd>{customer.birthday ?? "—"}</dd>
          <dt>性別</dt>
          <dd>{GENDER_LABELS[customer.gender]}</dd>
          <dt>職業</dt>
          <dd>{customer.occupation ?? "—"}</dd>
          <dt>要注意</dt>
          <dd>{customer.caution ? "要注意" : "—"}</dd>
          <dt>登録経路</dt>
          <dd>{customer.registrationRoute}</dd>
        </dl>
      </section>
      <section class="panel" aria-labelledby="visits">
        <h2 id="visits">来店情報</h2>
        <dl class="details">
          <dt>初回来店日</dt>
          <dd>{visits.first ? formatShortDate(visits.first) : "—"}</dd>
          <dt>前回来店日</dt>
          <dd>{visits.last ? formatShortDate(visits.last) : "—"}</dd>
          <dt>来店回数</dt>
          <dd>{visits.count}回</dd>
        </dl>
      </section>
      <section class="panel" aria-labelledby="history">
        <h2 id="history">予約履歴</h2>
        {history.length === 0 ? (
          <p class="empty">予約はまだありません。</p>
        ) : (
          <table class="list">
            <thead>
              <tr>
                <th scope="col">予約日時</th>
                <th scope="col">スタッフ/マシン</th>
                <th scope="col">予約経路</th>
                <th scope="col">クーポン/メニュー/定額プラン</th>
                <th scope="col">ステータス</th>
                <th scope="col">来店時メモ</th>
              </tr>
            </thead>
            <tbody>
              {history.map((r) => (
                <tr>
                  <td class="nowrap">
                    <a href={`/reservations/${r.id}`}>
                      {formatShortDate(r.date)} {formatMinute(r.startMinute)}
                    </a>
                  </td>
                  <td>{r.staffName ?? "指名なし"}</td>
                  <td>{r.route}</td>
                  <td>{r.menuName || "—"}</td>
                  <td>{statusBadge(r.status)}</td>
                  <td>{r.visitMemo}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
