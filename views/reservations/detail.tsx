import { displayNumber, noCustomerLabel, type ReservationView } from "../../src/domain/agenda";
import { STATUS_LABELS } from "../../src/domain/reservations";
import { formatDateTime, formatJapaneseDate, formatMinute, formatVisit } from "../../src/lib/jst";
import { Flash } from "../components/flash";
import { SyncStatus } from "./sync";

export const statusBadge = (status: ReservationView["status"]) => <span class={`status status-${status}`}>{STATUS_LABELS[status]}</span>;

/** A 仮登録 knows only its start time. */
export function visitText(r: ReservationView): string {
  if (r.status === "provisional") return `${formatJapaneseDate(r.date)} ${formatMinute(r.startMinute)}~（開始時刻のみ）`;
  return formatVisit(r.date, r.startMinute, r.durationMin);
}

/** Shown once the visit day has come and the reservation is not settled. */
export function needsCheckout(r: ReservationView, today: string): boolean {
  return r.date <= today && (r.status === "booked" || r.status === "visited");
}

export function ReservationDetail({ r, today, flash, visits, csrfToken }: { r: ReservationView; today: string; flash?: string | null; visits: number | null; csrfToken: string }) {
  return (
    <section class="panel reservation-detail">
      <div class="title-row">
        <h1>予約詳細</h1>
        <a href={`/schedule?date=${r.date}`}>スケジュールで見る</a>
      </div>
      <Flash message={flash} />
      {needsCheckout(r, today) && (
        <div class="alert info" role="note">
          この予約は来店日を迎えました。会計の登録を行ってください。
        </div>
      )}
      <p class="received">予約受信日時：{formatDateTime(r.receivedAt)}</p>
      <dl class="details">
        <dt>予約番号</dt>
        <dd>{displayNumber(r)}</dd>
        <dt>ステータス</dt>
        <dd>{statusBadge(r.status)}</dd>
        <dt>連携状況</dt>
        <dd>
          <SyncStatus r={r} csrfToken={csrfToken} />
        </dd>
        <dt>お客様</dt>
        <dd>
          {r.customerId === null ? (
            <span class="muted">{noCustomerLabel(r)}</span>
          ) : (
            <>
              {r.customerName}（{r.customerKana}）様 <span class="muted">お客様番号:{r.customerNo}</span>
              {visits !== null && <span class="muted"> 来店回数:{visits}回</span>}
            </>
          )}
        </dd>
        <dt>来店日時</dt>
        <dd>{visitText(r)}</dd>
        <dt>予約経路</dt>
        <dd>{r.route}</dd>
        <dt>クーポン名</dt>
        <dd>{r.menuName || "—"}</dd>
        <dt>クーポン内容</dt>
        <dd class="pre">{r.menuContent || "—"}</dd>
        <dt>指名</dt>
        <dd>{r.staffName ?? "指名なし"}</dd>
        <dt>設備</dt>
        <dd>{r.facilityName ?? "—"}</dd>
        <dt>来店時メモ</dt>
        <dd class="pre">{r.visitMemo || "—"}</dd>
      </dl>
      <ReservationActions r={r} />
    </section>
  );
}

export function ReservationActions({ r }: { r: ReservationView }) {
  const active = r.status === "booked" || r.status === "provisional";
  return (
    <div class="form-actions">
      {r.status !== "cancelled" && (
        <a class="button" href={`/reservations/${r.id}/edit`}>
          変更
        </a>
      )}
      {active && (
        <a class="button" href={`/reservations/${r.id}/cancellation`}>
          キャンセル
        </a>
      )}
      <a class="button" href={`/reservations/${r.id}/memo`}>
        メモ編集
      </a>
    </div>
  );
}
