import type { Customer } from "../../src/db/schema";
import type { ReservationView } from "../../src/domain/agenda";
import { customerKana, customerName } from "../../src/domain/customers";
import { formatMinute, formatSlashDate } from "../../src/lib/jst";
import { formatPhone } from "../../src/lib/phone";
import { statusBadge } from "../reservations/detail";
import { CONTRACT_LABELS, GENDER_LABELS, OCCUPATIONS, type Consequences, type ContractView } from "../../src/domain/customer-list";
import { GENDERS, REGISTRATION_ROUTES, type Plan } from "../../src/db/schema";
import { Flash } from "../components/flash";
import { CheckboxField, CsrfInput, ErrorSummary, SelectField, TextArea, TextField, type FormState } from "../components/form";


export interface VisitSummary {
  first: string | null;
  last: string | null;
  count: number;
}

export interface CustomerPageProps {
  customer: Customer;
  visits: VisitSummary;
  history: ReservationView[];
  contracts: ContractView[];
  plans: Plan[];
  csrfToken: string;
  flash?: string | null;
  contractForm?: FormState;
}

export function CustomerPage({ customer, visits, history, contracts, plans, csrfToken, flash, contractForm }: CustomerPageProps) {
  return (
    <>
      <section class="panel">
        <div class="title-row">
          <h1>
            {customerName(customer)}（{customerKana(customer)}）様
          </h1>
          <a href="/customers">お客様管理へ戻る</a>
        </div>
        <Flash message={flash} />
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
          <dt>住所</dt>
          <dd>{customer.address ?? "—"}</dd>
          <dt>備考</dt>
          <dd class="pre">{customer.memo ?? "—"}</dd>
        </dl>
      </section>
      <section class="panel" aria-labelledby="visits">
        <h2 id="visits">来店情報</h2>
        <dl class="details">
          <dt>初回来店日</dt>
          <dd>{visits.first ? formatSlashDate(visits.first) : "—"}</dd>
          <dt>前回来店日</dt>
          <dd>{visits.last ? formatSlashDate(visits.last) : "—"}</dd>
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
                      {formatSlashDate(r.date)} {formatMinute(r.startMinute)}
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
      <section class="panel" aria-labelledby="contracts">
        <h2 id="contracts">定額プラン</h2>
        {contracts.length === 0 ? (
          <p class="empty">定額プランの契約はありません。</p>
        ) : (
          <table class="list">
            <thead>
              <tr>
                <th scope="col">定額プラン</th>
                <th scope="col">状態</th>
                <th scope="col">開始日</th>
                <th scope="col">終了日</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((k) => (
                <tr>
                  <td>{k.planName}</td>
                  <td>{k.status === "cancelled" ? "解約" : CONTRACT_LABELS[k.status]}</td>
                  <td>{formatSlashDate(k.startedOn)}</td>
                  <td>{k.endedOn ? formatSlashDate(k.endedOn) : "—"}</td>
                  <td>
                    {k.status !== "cancelled" && (
                      <form method="post" action={`/customers/${customer.id}/contracts/${k.id}`} class="inline">
                        <CsrfInput token={csrfToken} />
                        <button type="submit" name="status" value="cancelled">
                          解約
                        </button>
                        {k.status === "active" && (
                          <button type="submit" name="status" value="payment_failed">
                            決済失敗
                          </button>
                        )}
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form method="post" action={`/customers/${customer.id}/contracts`} class="inline-form" novalidate>
          <CsrfInput token={csrfToken} />
          <SelectField form={contractForm ?? { values: {}, errors: {} }} name="planId" label="定額プランを契約する" blank="選択してください" options={plans.map((p) => ({ value: String(p.id), label: p.name }))} />
          <TextField form={contractForm ?? { values: {}, errors: {} }} name="startedOn" label="開始日" type="date" size="short" hint="空欄なら今日" />
          <button type="submit">契約する</button>
        </form>
      </section>
      <div class="form-actions page-actions">
        <a class="button" href={`/customers/${customer.id}/deletion`}>
          お客様情報を削除する
        </a>
        <a class="button primary" href={`/customers/${customer.id}/edit`}>
          編集する
        </a>
      </div>
    </>
  );
}

/** お客様情報を削除する: the confirm states what else happens. */
export function CustomerDeleteConfirm({ customer, consequences, csrfToken }: { customer: Customer; consequences: Consequences; csrfToken: string }) {
  const { reservations, contracts } = consequences;
  return (
    <section class="panel">
      <h1>お客様情報を削除しますか？</h1>
      <p>
        {customerName(customer)}（{customerKana(customer)}）様　お客様番号:{customer.customerNo}
      </p>
      <ul>
        <li>
          {reservations.length > 0 ? `予約中の予約${reservations.length}件がキャンセルされ、SALON BOARDにも送られます。` : "キャンセルされる予約はありません。"}
          {reservations.length > 0 && (
            <ul>
              {reservations.map((r) => (
                <li>
                  {formatSlashDate(r.date)} {formatMinute(r.startMinute)} {r.menuName}
                </li>
              ))}
            </ul>
          )}
        </li>
        <li>{contracts.length > 0 ? `定額プラン「${contracts.map((k) => k.planName).join("」「")}」が解約されます。` : "解約される定額プランはありません。"}</li>
        <li>過去の予約は「削除済みのお客様」として残ります。</li>
      </ul>
      <p class="alert error">削除したお客様データは復元できません。</p>
      <form method="post" action={`/customers/${customer.id}/deletion`} class="form-actions">
        <CsrfInput token={csrfToken} />
        <a href={`/customers/${customer.id}`}>キャンセル</a>
        <button type="submit" class="danger">
          お客様情報を削除する
        </button>
      </form>
    </section>
  );
}

/** 新規登録 / 編集する */
export function CustomerForm({ form, customer, csrfToken }: { form: FormState; customer: Customer | null; csrfToken: string }) {
  return (
    <section class="panel">
      <h1>{customer ? `お客様情報の編集（お客様番号 ${customer.customerNo}）` : "お客様の新規登録"}</h1>
      <ErrorSummary form={form} />
      <form method="post" action={customer ? `/customers/${customer.id}` : "/customers"} novalidate>
        <CsrfInput token={csrfToken} />
        <div class="row">
          <TextField form={form} name="lastName" label="姓" size="short" maxLength={30} />
          <TextField form={form} name="firstName" label="名" size="short" maxLength={30} />
        </div>
        <div class="row">
          <TextField form={form} name="lastNameKana" label="セイ" required size="short" maxLength={30} />
          <TextField form={form} name="firstNameKana" label="メイ" size="short" maxLength={30} />
        </div>
        <TextField form={form} name="phone" label="電話番号" type="tel" inputmode="tel" hint="ハイフンはあってもなくても構いません。" />
        <TextField form={form} name="email" label="メール" type="email" inputmode="email" size="long" />
        <TextField form={form} name="birthday" label="誕生日" type="date" size="short" />
        <SelectField form={form} name="gender" label="性別" options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
        <SelectField form={form} name="occupation" label="職業" blank="未選択" options={OCCUPATIONS.map((o) => ({ value: o, label: o }))} />
        <TextField form={form} name="address" label="住所" size="long" maxLength={200} />
        <TextArea form={form} name="memo" label="備考" maxLength={1000} rows={3} />
        <CheckboxField form={form} name="caution" label="要注意" />
        {!customer && <SelectField form={form} name="registrationRoute" label="登録経路" options={REGISTRATION_ROUTES.map((r) => ({ value: r, label: r }))} />}
        <div class="form-actions">
          <a href={customer ? `/customers/${customer.id}` : "/customers"}>戻る</a>
          <button type="submit" class="primary">
            {customer ? "変更を保存" : "登録する"}
          </button>
        </div>
      </form>
    </section>
  );
}
