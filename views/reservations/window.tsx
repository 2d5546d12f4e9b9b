import { displayNumber, noCustomerLabel, type ReservationView } from "../../src/domain/agenda";
import { formatDateTime } from "../../src/lib/jst";
import { Flash } from "../components/flash";
import { CsrfInput, ErrorSummary, TextArea, type FormState } from "../components/form";
import { statusBadge, visitText } from "./detail";
import { SyncStatus } from "./sync";

/** The schedule's detail window (inside its <dialog>), as in the manual's screenshot. */
export function ReservationWindow({ r, visits, flash, csrfToken }: { r: ReservationView; visits: number | null; flash?: string | null; csrfToken: string }) {
  const active = r.status === "booked" || r.status === "provisional";
  return (
    <div class="window">
      <h2 id="window-title" class="visually-hidden">
        予約 {displayNumber(r)} の詳細
      </h2>
      <div class="window-actions">
        <a class="button" href={`/reservations/${r.id}`}>
          詳細
        </a>
        {r.status !== "cancelled" && (
          <a class="button" href={`/reservations/${r.id}/edit`}>
            変更
          </a>
        )}
        {active && (
          <a class="button" href={`/reservations/${r.id}/cancellation`} hx-get={`/reservations/${r.id}/cancellation`} hx-target="#window-body">
            キャンセル
          </a>
        )}
        <a class="button" href={`/reservations/${r.id}/memo`} hx-get={`/reservations/${r.id}/memo`} hx-target="#window-body">
          メモ編集
        </a>
        {r.customerId !== null && (
          <a class="button" href={`/customers/${r.customerId}`}>
            お客様情報
          </a>
        )}
        <button type="button" class="close" data-close-dialog>
          閉じる
        </button>
      </div>
      <Flash message={flash} />
      <p class="received">予約受信日時：{formatDateTime(r.receivedAt)}</p>
      {r.customerId === null ? (
        <p class="customer-name">{noCustomerLabel(r)}</p>
      ) : (
        <p class="customer-name">
          {r.customerName}（{r.customerKana}）様 <span class="muted">お客様番号：{r.customerNo}</span>
        </p>
      )}
      <dl class="details compact">
        <dt>来店日時</dt>
        <dd>{visitText(r)}</dd>
        <dt>クーポン・メニュー</dt>
        <dd>{r.menuName || "—"}</dd>
        <dt>連携状況</dt>
        <dd>
          <SyncStatus r={r} csrfToken={csrfToken} />
        </dd>
        <dt>予約経路</dt>
        <dd>{r.route}</dd>
        <dt>来店回数</dt>
        <dd>{visits === null ? "—" : `${visits}回`}</dd>
        <dt>ステータス</dt>
        <dd>{statusBadge(r.status)}</dd>
        <dt>来店時メモ</dt>
        <dd class="pre">{r.visitMemo || "—"}</dd>
      </dl>
    </div>
  );
}

/** The confirm step of キャンセル: what will happen, then one button that does it. */
export function CancelConfirm({ r, csrfToken, error }: { r: ReservationView; csrfToken: string; error?: string }) {
  return (
    <div class="window confirm">
      <h2 id="window-title">予約をキャンセルしますか？</h2>
      {error && (
        <div class="alert error" role="alert">
          {error}
        </div>
      )}
      <p>
        予約番号 {r.number}：{r.customerName ?? noCustomerLabel(r)}
        {r.customerName ? "様" : ""}
        <br />
        {visitText(r)}
        <br />
        {r.menuName}
      </p>
      <p>キャンセルすると、この時間の枠は他の予約に使えるようになります。</p>
      <form method="post" action={`/reservations/${r.id}/cancellation`} hx-post={`/reservations/${r.id}/cancellation`} hx-target="#window-body">
        <CsrfInput token={csrfToken} />
        <div class="form-actions">
          <a href={`/reservations/${r.id}`} hx-get={`/reservations/${r.id}/window`} hx-target="#window-body">
            戻る
          </a>
          <button type="submit" class="danger">
            キャンセルする
          </button>
        </div>
      </form>
    </div>
  );
}

export function MemoForm({ r, form, csrfToken }: { r: ReservationView; form: FormState; csrfToken: string }) {
  return (
    <div class="window">
      <h2 id="window-title">来店時メモの編集（予約番号 {r.number}）</h2>
      <ErrorSummary form={form} />
      <form method="post" action={`/reservations/${r.id}/memo`} hx-post={`/reservations/${r.id}/memo`} hx-target="#window-body" novalidate>
        <CsrfInput token={csrfToken} />
        <TextArea form={form} name="visitMemo" label="来店時メモ" maxLength={1000} rows={4} />
        <div class="form-actions">
          <a href={`/reservations/${r.id}`} hx-get={`/reservations/${r.id}/window`} hx-target="#window-body">
            戻る
          </a>
          <button type="submit" class="primary">
            保存する
          </button>
        </div>
      </form>
    </div>
  );
}
