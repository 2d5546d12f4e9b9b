import type { FieldSpec, MasterRow, MasterSpec } from "../../src/domain/masters";
import { Flash } from "../components/flash";
import { CheckboxField, CsrfInput, ErrorSummary, TextArea, TextField, type FormState } from "../components/form";
import { SettingsHeader } from "./index";

function cell(field: FieldSpec, value: unknown) {
  if (field.kind === "bool") return value ? "有効" : "無効";
  if (value === null || value === undefined || value === "") return "—";
  if (field.kind === "int") return `${Number(value).toLocaleString("ja-JP")}${field.unit ?? ""}`;
  return String(value);
}

export function MasterList({ spec, rows, flash }: { spec: MasterSpec; rows: MasterRow[]; flash?: string | null }) {
  const columns = spec.columns.map((name) => spec.fields.find((f) => f.name === name)!);
  return (
    <section class="panel">
      <SettingsHeader title={spec.title} />
      <div class="title-row">
        <h1>{spec.title}</h1>
        <a class="button" href={`/settings/${spec.key}/new`}>
          ＋新規登録
        </a>
      </div>
      <Flash message={flash} />
      {rows.length === 0 ? (
        <p class="empty">{spec.title}はまだ登録されていません。</p>
      ) : (
        <>
        <p class="list-hint">名前を押すと編集できます。</p>
        <table class="list">
          <thead>
            <tr>
              {columns.map((f) => (
                <th scope="col">{f.label.replace(/（.*）$/, "")}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr class={row.active ? undefined : "inactive"}>
                {columns.map((f) => (
                  <td class={f.kind === "int" ? "num" : undefined}>
                    {/* The name opens the edit form: a link named by what staff read. */}
                    {f.name === "name" ? <a href={`/settings/${spec.key}/${row.id}/edit`}>{cell(f, row[f.name])}</a> : cell(f, row[f.name])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </>
      )}
    </section>
  );
}

function Field({ field, form }: { field: FieldSpec; form: FormState }) {
  const common = { form, name: field.name, label: field.label, required: field.required, hint: field.hint };
  switch (field.kind) {
    case "bool":
      return <CheckboxField form={form} name={field.name} label={field.label} hint={field.hint} />;
    case "textarea":
      return <TextArea {...common} maxLength={field.max} />;
    case "int":
      return <TextField {...common} required inputmode="numeric" size="short" suffix={field.unit} />;
    case "code":
      return <TextField {...common} maxLength={field.max} size="short" autocomplete="off" />;
    default:
      return <TextField {...common} maxLength={field.max} />;
  }
}

export function MasterForm(props: { spec: MasterSpec; form: FormState; csrfToken: string; id: number | null }) {
  const { spec, form, id } = props;
  const action = id === null ? `/settings/${spec.key}` : `/settings/${spec.key}/${id}`;
  return (
    <section class="panel">
      <SettingsHeader title={spec.title} />
      <h1>
        {spec.title}の{id === null ? "新規登録" : "編集"}
      </h1>
      <ErrorSummary form={form} />
      <form method="post" action={action} novalidate>
        <CsrfInput token={props.csrfToken} />
        {spec.fields.map((field) => (
          <Field field={field} form={form} />
        ))}
        <div class="form-actions">
          <a href={`/settings/${spec.key}`}>一覧へ戻る</a>
          <button type="submit" class="primary">
            {id === null ? "登録する" : "変更する"}
          </button>
        </div>
      </form>
    </section>
  );
}
