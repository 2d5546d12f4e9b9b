import { CONTRACT_STATUSES, GENDERS, REGISTRATION_ROUTES } from "../../src/db/schema";
import {
  AGE_BANDS,
  CONTRACT_LABELS,
  filterQuery,
  GENDER_LABELS,
  OCCUPATIONS,
  type Blocker,
  type CustomerFilter,
  type CustomerPage,
} from "../../src/domain/customer-list";
import { formatPhone } from "../../src/lib/phone";
import { Flash } from "../components/flash";
import { CsrfInput } from "../components/form";
import { Pager } from "../components/pager";

function Text({ name, label, value, size = "short" }: { name: string; label: string; value: string | number | null; size?: string }) {
  return (
    <div class={`field ${size}`}>
      <label for={`s-${name}`}>{label}</label>
      <input id={`s-${name}`} name={name} type="text" value={value === null ? "" : String(value)} />
    </div>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value: string | null; options: readonly { value: string; label: string }[] }) {
  return (
    <div class="field short">
      <label for={`s-${name}`}>{label}</label>
      <select id={`s-${name}`} name={name}>
        <option value="">指定なし</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }));
const days = Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}日` }));
const md = (v: string | null, part: "m" | "d") => (v ? String(Number(part === "m" ? v.slice(0, 2) : v.slice(3))) : null);

/** The search form of the screenshot: every field, 条件クリア and 検索. It lives in the URL. */
function SearchForm({ f }: { f: CustomerFilter }) {
  return (
    <form method="get" action="/customers" class="filters customer-search" aria-label="お客様の検索">
      <fieldset class="group">
        <legend>氏名（漢字）</legend>
        <Text name="lastName" label="姓" value={f.lastName} />
        <Text name="firstName" label="名" value={f.firstName} />
        <div class="field checkbox">
          <input id="s-noKanji" type="checkbox" name="noKanji" value="1" checked={f.noKanji} />
          <label for="s-noKanji">漢字氏名登録なし</label>
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>氏名（カナ）</legend>
        <Text name="lastKana" label="セイ" value={f.lastKana} />
        <Text name="firstKana" label="メイ" value={f.firstKana} />
      </fieldset>
      <Text name="phone" label="電話番号" value={f.phone} size="medium" />
      <Text name="email" label="メール" value={f.email} size="medium" />
      <Text name="customerNo" label="お客様番号" value={f.customerNo} />
      <fieldset class="group">
        <legend>誕生日</legend>
        <Select name="birthFromMonth" label="月（から）" value={md(f.birthFrom, "m")} options={months} />
        <Select name="birthFromDay" label="日（から）" value={md(f.birthFrom, "d")} options={days} />
        <Select name="birthToMonth" label="月（まで）" value={md(f.birthTo, "m")} options={months} />
        <Select name="birthToDay" label="日（まで）" value={md(f.birthTo, "d")} options={days} />
      </fieldset>
      <Select name="age" label="年代" value={f.ageBand === null ? null : String(f.ageBand)} options={AGE_BANDS.map((a) => ({ value: String(a), label: `${a}代` }))} />
      <Select name="gender" label="性別" value={f.gender} options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
      <Select name="occupation" label="職業" value={f.occupation} options={OCCUPATIONS.map((o) => ({ value: o, label: o }))} />
      <fieldset class="group">
        <legend>無断キャンセルフラグ</legend>
        <div class="field checkbox">
          <input id="s-caution" type="checkbox" name="caution" value="1" checked={f.caution} />
          <label for="s-caution">「要注意」を選択</label>
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>定額プラン</legend>
        {CONTRACT_STATUSES.map((s) => (
          <div class="field checkbox">
            <input id={`s-contract-${s}`} type="checkbox" name="contract" value={s} checked={f.contracts.includes(s)} />
            <label for={`s-contract-${s}`}>{CONTRACT_LABELS[s]}</label>
          </div>
        ))}
      </fieldset>
      <fieldset class="group">
        <legend>前回来店日</legend>
        <div class="field short">
          <label for="s-lastVisitFrom">から</label>
          <input id="s-lastVisitFrom" type="date" name="lastVisitFrom" value={f.lastVisitFrom ?? ""} />
        </div>
        <div class="field short">
          <label for="s-lastVisitTo">まで</label>
          <input id="s-lastVisitTo" type="date" name="lastVisitTo" value={f.lastVisitTo ?? ""} />
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>来店回数</legend>
        <Text name="visitsMin" label="回以上" value={f.visitsMin} />
        <Text name="visitsMax" label="回以下" value={f.visitsMax} />
      </fieldset>
      <Select name="route" label="登録経路" value={f.route} options={REGISTRATION_ROUTES.map((r) => ({ value: r, label: r }))} />
      <div class="form-actions">
        <a href="/customers">条件クリア</a>
        <button type="submit" class="primary">
          検索
        </button>
      </div>
    </form>
  );
}


export interface CustomerListProps {
  filter: CustomerFilter;
  result: CustomerPage;
  csrfToken: string;
  flash?: string | null;
  /** After a refused bulk delete: the rows that block it, and what was selected. */
  blockers?: Blocker[];
  selected?: number[];
  error?: string | null;
}

export function CustomerList({ filter, result, csrfToken, flash, blockers = [], selected = [], error }: CustomerListProps) {
  const blocked = new Map(blockers.map((b) => [b.customerId, b]));
  return (
    <section class="panel">
      <div class="title-row">
        <h1>お客様管理</h1>
      </div>
      <Flash message={flash} />
      {blockers.length > 0 && (
        <div class="alert error" role="alert">
          削除対象のお客様が予約中または定額プラン契約者がいるため個別に削除してください
        </div>
      )}
      {error && (
        <div class="alert error" role="alert">
          {error}
        </div>
      )}
      <SearchForm f={filter} />
      <div class="list-toolbar">
        <p class="count">全{result.total.toLocaleString("ja-JP")}件</p>
        <a class="button" href="/customers/new">
          ＋新規登録
        </a>
        <button type="submit" form="bulk-delete" class="danger" data-confirm-dialog="bulk-delete-dialog">
          選択したお客様を削除
        </button>
        <p class="hint">ページを離れると、選択中の項目はリセットされます。</p>
      </div>
      <Pager page={result.page} pages={result.pages} href={(page) => `/customers?${filterQuery(filter, page)}`} />
      <form id="bulk-delete" method="post" action="/customers/deletion" autocomplete="off">
        <CsrfInput token={csrfToken} />
        <input type="hidden" name="back" value={filterQuery(filter)} />
        {result.rows.length === 0 ? (
          <p class="empty">条件に合うお客様はいません。</p>
        ) : (
          <table class="list customers">
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" id="select-page" data-select-all="ids" autocomplete="off" />
                  <label for="select-page" class="visually-hidden">
                    このページのお客様をすべて選択
                  </label>
                </th>
                <th scope="col">お客様番号</th>
                <th scope="col">氏名（カナ）</th>
                <th scope="col">氏名（漢字）</th>
                <th scope="col">電話番号</th>
                <th scope="col">性別</th>
                <th scope="col">職業</th>
                <th scope="col">来店回数</th>
                <th scope="col">登録経路</th>
                <th scope="col">詳細</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => {
                const b = blocked.get(r.id);
                return (
                  <tr class={b ? "blocked" : undefined}>
                    <td>
                      <input type="checkbox" id={`pick-${r.id}`} name="ids" value={String(r.id)} checked={selected.includes(r.id)} autocomplete="off" />
                      <label for={`pick-${r.id}`} class="visually-hidden">
                        {r.customerNo} {r.kana}を選択
                      </label>
                    </td>
                    <td>{r.customerNo}</td>
                    <td>
                      {r.kana}
                      {b && (
                        <span class="blocker">
                          {b.reservations > 0 && "予約中"}
                          {b.reservations > 0 && b.contracts > 0 && "・"}
                          {b.contracts > 0 && "定額プラン契約中"}
                        </span>
                      )}
                    </td>
                    <td>{r.kanji || "—"}</td>
                    <td class="nowrap">{formatPhone(r.phone) || "—"}</td>
                    <td>{GENDER_LABELS[r.gender]}</td>
                    <td>{r.occupation ?? "—"}</td>
                    <td class="num">{r.visitCount}</td>
                    <td>{r.registrationRoute}</td>
                    <td>
                      <a href={`/customers/${r.id}`}>詳細</a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </form>
      <Pager page={result.page} pages={result.pages} href={(page) => `/customers?${filterQuery(filter, page)}`} />
      <dialog id="bulk-delete-dialog" aria-labelledby="bulk-delete-title">
        <h2 id="bulk-delete-title">
          選択中のお客様: <span data-selected-count>0</span>件
        </h2>
        <p>削除したお客様データは復元できません。本当に削除しますか?</p>
        <div class="form-actions">
          <button type="button" data-close-dialog>
            キャンセル
          </button>
          <button type="submit" form="bulk-delete" name="confirm" value="1" class="danger">
            OK
          </button>
        </div>
      </dialog>
    </section>
  );
}

/** The same confirm without JavaScript: a page of its own. */
export function BulkDeleteConfirm({ ids, back, csrfToken }: { ids: number[]; back: string; csrfToken: string }) {
  return (
    <section class="panel">
      <h1>選択中のお客様: {ids.length}件</h1>
      <p>削除したお客様データは復元できません。本当に削除しますか?</p>
      <form method="post" action="/customers/deletion" class="form-actions">
        <CsrfInput token={csrfToken} />
        <input type="hidden" name="back" value={back} />
        {ids.map((id) => (
          <input type="hidden" name="ids" value={String(id)} />
        ))}
        <a href={`/customers?${back}`}>キャンセル</a>
        <button type="submit" name="confirm" value="1" class="danger">
          OK
        </button>
      </form>
    </section>
  );
}
