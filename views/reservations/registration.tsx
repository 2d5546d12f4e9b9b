import type { Db } from "../../src/db/client";
import type { Reservation } from "../../src/db/schema";
import { customerName, findCustomer } from "../../src/domain/customers";
import type { ReservationInput } from "../../src/domain/reservations";
import type { SalonBoardSummary } from "../../src/domain/transcription";
import type { FormValues } from "../../src/lib/form";
import { formatMinute } from "../../src/lib/jst";
import { CsrfInput } from "../components/form";

export interface RegistrationShown {
  customer: string;
  staff: string;
  menu: string;
  visit: string;
  memo: string;
}

/** The checked input in words, for the confirm step. */
export function describeInput(db: Db, salonId: number, input: ReservationInput): RegistrationShown {
  const existing = input.customerId ? findCustomer(db, salonId, input.customerId) : undefined;
  const newName = input.newCustomer ? [input.newCustomer.lastName, input.newCustomer.firstName].filter(Boolean).join(" ") || `${input.newCustomer.lastNameKana} ${input.newCustomer.firstNameKana}`.trim() : "";
  const staffName = input.staffId ? (db.$client.prepare("SELECT name FROM staff WHERE id = ?").get(input.staffId) as { name: string } | undefined)?.name : undefined;
  return {
    customer: existing ? `${customerName(existing)} 様（お客様番号:${existing.customerNo}）` : `${newName} 様（新規登録）`,
    staff: staffName ?? "指名なし",
    menu: input.menuName || "—",
    visit: `${input.date} ${formatMinute(input.startMinute)}〜${formatMinute(input.startMinute + input.durationMin)}（${input.durationMin}分）`,
    memo: input.visitMemo || "—",
  };
}

/** 確認: what will be registered; 登録 saves it, 修正する goes back to the form with the same values. */
export function RegistrationConfirm(props: { r: Reservation; summary: SalonBoardSummary; values: FormValues; shown: RegistrationShown; csrfToken: string }) {
  const { r, summary, values, shown } = props;
  const kept = Object.entries(values).filter(([k]) => k !== "_csrf" && k !== "step" && k !== "intent");
  return (
    <section class="panel">
      <h1>予約情報登録（転記）の確認　予約番号 {summary.reservationNo}</h1>
      <p>この内容で登録します。登録した予約はSALON BOARDへ送信されません（二重登録されません）。</p>
      <dl class="details">
        <dt>お客様</dt>
        <dd>{shown.customer}</dd>
        <dt>スタッフ</dt>
        <dd>{shown.staff}</dd>
        <dt>クーポン・メニュー</dt>
        <dd>{shown.menu}</dd>
        <dt>来店日時</dt>
        <dd>{shown.visit}</dd>
        <dt>来店時メモ</dt>
        <dd class="pre">{shown.memo}</dd>
      </dl>
      <form method="post" action={`/reservations/${r.id}/registration`} class="form-actions">
        <CsrfInput token={props.csrfToken} />
        {kept.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <button type="submit" name="step" value="edit">
          修正する
        </button>
        <button type="submit" name="step" value="register" class="primary">
          登録
        </button>
      </form>
    </section>
  );
}
