import type { Facility, Menu, Staff } from "../../src/db/schema";
import type { CustomerHit } from "../../src/domain/customers";
import { CHANGEABLE_STATUSES, STAFF_ROUTES, STATUS_LABELS } from "../../src/domain/reservations";
import type { SalonBoardSummary } from "../../src/domain/transcription";
import { formatPhone } from "../../src/lib/phone";
import { CsrfInput, ErrorSummary, SelectField, TextArea, TextField, type FormState } from "../components/form";

export interface ReservationFormProps {
  form: FormState;
  csrfToken: string;
  staff: Staff[];
  facilities: Facility[];
  menus: Menu[];
  /** The customer already chosen (re-rendered after an error, or on 変更). */
  chosen: CustomerHit | null;
  /** Set on 変更. */
  reservation: { id: number; number: number } | null;
  slotMinutes: number;
  /** Results of 検索 when the browser runs no JavaScript (htmx fetches them otherwise). */
  hits: CustomerHit[] | null;
  /** Set on 予約を転記する: a 仮登録 from SALON BOARD, its start time fixed. */
  registration?: { summary: SalonBoardSummary; reason: string | null } | null;
}

/** The value of the 検索 button: the form comes back with the customers found, nothing saved. */
export const SEARCH_CUSTOMER = "search-customer";

/** The search results under お客様: one radio per customer, inside the form. */
export function CustomerHits({ hits, chosenId, query }: { hits: CustomerHit[]; chosenId: number | null; query: string }) {
  if (query.trim() === "" && hits.length === 0) return <p class="hint">氏名・カナ・電話番号の一部で検索できます。</p>;
  if (hits.length === 0) return <p class="empty">「{query}」に一致するお客様はいません。下の「新規のお客様」に入力してください。</p>;
  return (
    <fieldset class="customer-hits">
      <legend class="visually-hidden">お客様を選択</legend>
      {hits.map((h) => (
        <div class="hit">
          <input type="radio" id={`customer-${h.id}`} name="customerId" value={String(h.id)} checked={h.id === chosenId} />
          <label for={`customer-${h.id}`}>
            {h.name}（{h.kana}）様 <span class="muted">No.{h.customerNo}</span> {h.phone && <span class="muted">{formatPhone(h.phone)}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function ReservationForm(props: ReservationFormProps) {
  const { form, reservation, registration } = props;
  const action = registration && reservation ? `/reservations/${reservation.id}/registration` : reservation ? `/reservations/${reservation.id}` : "/reservations";
  const customerError = form.errors.customerId;
  return (
    <section class="panel">
      <h1>{registration ? `予約情報登録（転記）　予約番号 ${registration.summary.reservationNo}` : reservation ? `予約の変更（予約番号 ${reservation.number}）` : "新規予約"}</h1>
      <ErrorSummary form={form} />
      {registration && <SalonBoardSent summary={registration.summary} reason={registration.reason} />}
      <form method="post" action={action} novalidate class="reservation-form">
        <CsrfInput token={props.csrfToken} />
        <fieldset class="group" aria-describedby={customerError ? "f-customerId-error" : undefined}>
          <legend>
            お客様<span class="required">必須</span>
          </legend>
          <div class="field long">
            <label for="f-customerQuery">お客様を検索</label>
            <div class="control">
              <input
                id="f-customerQuery"
                name="customerQuery"
                type="search"
                value={form.values.customerQuery ?? ""}
                autocomplete="off"
                hx-get="/reservations/customer-search"
                hx-trigger="input changed delay:300ms, search"
                hx-target="#customer-hits"
                hx-include="[name='customerId']:checked"
                aria-controls="customer-hits"
              />
              <button type="submit" name="intent" value={SEARCH_CUSTOMER} class="js-hidden">
                検索
              </button>
            </div>
          </div>
          <div id="customer-hits" aria-live="polite">
            <CustomerHits hits={props.hits ?? (props.chosen ? [props.chosen] : [])} chosenId={props.chosen?.id ?? null} query={props.hits ? (form.values.customerQuery ?? "") : ""} />
          </div>
          {customerError && (
            <p class="field-error" id="f-customerId-error">
              {customerError}
            </p>
          )}
          {(!reservation || registration) && (
            <details class="new-customer" open={["newLastName", "newLastNameKana", "newPhone"].some((n) => (form.values[n] ?? "") !== "")}>
              <summary>新規のお客様</summary>
              <div class="row">
                <TextField form={form} name="newLastName" label="姓" size="short" maxLength={30} />
                <TextField form={form} name="newFirstName" label="名" size="short" maxLength={30} />
              </div>
              <div class="row">
                <TextField form={form} name="newLastNameKana" label="セイ" size="short" maxLength={30} />
                <TextField form={form} name="newFirstNameKana" label="メイ" size="short" maxLength={30} />
              </div>
              <TextField form={form} name="newPhone" label="電話番号" type="tel" inputmode="tel" autocomplete="off" hint="ハイフンはあってもなくても構いません。" />
            </details>
          )}
        </fieldset>
        <SelectField
          form={form}
          name="staffId"
          label="スタッフ"
          blank="指名なし"
          options={props.staff.map((s) => ({ value: String(s.id), label: `${s.name}（受付可能数:${s.capacity}）` }))}
        />
        <SelectField form={form} name="facilityId" label="設備" blank="使用しない" options={props.facilities.map((f) => ({ value: String(f.id), label: f.name }))} />
        <SelectField
          form={form}
          name="menuId"
          label="クーポン・メニュー"
          required
          blank="選択してください"
          options={props.menus.map((m) => ({ value: String(m.id), label: `${m.name}（${m.durationMin}分・${m.price.toLocaleString("ja-JP")}円）` }))}
        />
        {registration ? (
          <div class="row">
            <div class="field short">
              <p class="label" id="f-time-label">来店日時（SALON BOARDの予約のまま）</p>
              <p class="fixed" aria-describedby={form.errors.time || form.errors.date ? "f-time-error" : undefined}>
                {registration.summary.startAt}
              </p>
              {(form.errors.time || form.errors.date) && (
                <p class="field-error" id="f-time-error">
                  {form.errors.time ?? form.errors.date}
                </p>
              )}
            </div>
            <TextField form={form} name="durationMin" label="所要時間" inputmode="numeric" size="short" suffix="分" hint="空欄ならメニューの所要時間" />
          </div>
        ) : (
          <div class="row">
            <TextField form={form} name="date" label="来店日" type="date" required size="short" />
            <TextField form={form} name="time" label="来店時刻" type="time" step={props.slotMinutes * 60} required size="short" hint={`${props.slotMinutes}分単位`} />
            <TextField form={form} name="durationMin" label="所要時間" inputmode="numeric" size="short" suffix="分" hint="空欄ならメニューの所要時間" />
          </div>
        )}
        {registration ? null : reservation ? (
          <SelectField form={form} name="status" label="ステータス" options={CHANGEABLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        ) : (
          <SelectField form={form} name="route" label="予約経路" required options={STAFF_ROUTES.map((r) => ({ value: r, label: r }))} />
        )}
        <TextArea form={form} name="visitMemo" label="来店時メモ" maxLength={1000} rows={2} />
        <div class="form-actions">
          <a href={reservation ? `/reservations/${reservation.id}` : "/schedule"}>戻る</a>
          {registration ? (
            <button type="submit" class="primary" name="step" value="confirm">
              確認
            </button>
          ) : (
            <button type="submit" class="primary">
              {reservation ? "変更する" : "予約する"}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** What SALON BOARD sent, next to the transcription form. */
function SalonBoardSent({ summary, reason }: { summary: SalonBoardSummary; reason: string | null }) {
  return (
    <section class="salonboard-sent" aria-labelledby="sb-sent">
      <h2 id="sb-sent">SALON BOARDから受信した内容</h2>
      {reason && <p class="alert error">連携できなかった理由：{reason}</p>}
      <dl class="details compact">
        <dt>予約番号</dt>
        <dd>{summary.reservationNo}</dd>
        <dt>来店日時</dt>
        <dd>{summary.startAt}</dd>
        <dt>所要時間</dt>
        <dd>{summary.durationMin ? `${summary.durationMin}分` : "—"}</dd>
        <dt>スタッフ</dt>
        <dd>{summary.staffCode}</dd>
        <dt>クーポン</dt>
        <dd>{summary.coupon}</dd>
        <dt>お客様</dt>
        <dd>{summary.customer || "—"}</dd>
        <dt>電話番号</dt>
        <dd>{summary.phone || "—"}</dd>
        <dt>備考</dt>
        <dd class="pre">{summary.note || "—"}</dd>
      </dl>
    </section>
  );
}
