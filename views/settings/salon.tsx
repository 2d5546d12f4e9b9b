import { SLOT_LENGTHS } from "../../src/domain/salons";
import { WEEKDAYS } from "../../src/lib/jst";
import { Flash } from "../components/flash";
import { CsrfInput, ErrorSummary, SelectField, TextField, type FormState } from "../components/form";
import { SettingsHeader } from "./index";

function Cell({ form, name, label, kind }: { form: FormState; name: string; label: string; kind: "time" | "number" }) {
  const error = form.errors[name];
  return (
    <td>
      <label class="visually-hidden" for={`f-${name}`}>
        {label}
      </label>
      <input
        id={`f-${name}`}
        name={name}
        type={kind === "time" ? "time" : "text"}
        inputmode={kind === "number" ? "numeric" : undefined}
        class={kind === "number" ? "narrow" : undefined}
        value={form.values[name] ?? ""}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `f-${name}-error` : undefined}
      />
      {error && (
        <p class="field-error" id={`f-${name}-error`}>
          {error}
        </p>
      )}
    </td>
  );
}

export function SalonForm({ form, csrfToken, flash }: { form: FormState; csrfToken: string; flash?: string | null }) {
  return (
    <section class="panel">
      <SettingsHeader title="サロン情報" />
      <h1>サロン情報</h1>
      <Flash message={flash} />
      <ErrorSummary form={form} />
      <form method="post" action="/settings/salon" novalidate>
        <CsrfInput token={csrfToken} />
        <TextField form={form} name="name" label="サロン名" required maxLength={60} />
        <SelectField
          form={form}
          name="slotMinutes"
          label="予約枠の長さ"
          required
          options={SLOT_LENGTHS.map((m) => ({ value: String(m), label: `${m}分` }))}
          hint="スケジュールの1行と、受付可能数を数える単位です。"
        />
        <table class="list hours">
          <caption>営業時間と受付可能数（曜日ごと）</caption>
          <thead>
            <tr>
              <th scope="col">曜日</th>
              <th scope="col">営業</th>
              <th scope="col">開店</th>
              <th scope="col">閉店</th>
              <th scope="col">受付可能数（1枠あたり）</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day, wd) => (
              <tr>
                <th scope="row">{day}曜日</th>
                <td>
                  <input
                    id={`f-isOpen${wd}`}
                    type="checkbox"
                    name={`isOpen${wd}`}
                    value="1"
                    checked={form.values[`isOpen${wd}`] === "1"}
                  />
                  <label for={`f-isOpen${wd}`}>
                    <span class="visually-hidden">{day}曜日を</span>営業する
                  </label>
                </td>
                <Cell form={form} name={`open${wd}`} label={`${day}曜日の開店時刻`} kind="time" />
                <Cell form={form} name={`close${wd}`} label={`${day}曜日の閉店時刻`} kind="time" />
                <Cell form={form} name={`capacity${wd}`} label={`${day}曜日の受付可能数`} kind="number" />
              </tr>
            ))}
          </tbody>
        </table>
        <div class="form-actions">
          <button type="submit" class="primary">
            変更する
          </button>
        </div>
      </form>
    </section>
  );
}
