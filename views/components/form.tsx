import type { Child } from "hono/jsx";
import type { FieldErrors, FormValues } from "../../src/lib/form";

export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
}

const fieldId = (name: string) => `f-${name}`;

function Label({ name, label, required }: Pick<FieldProps, "name" | "label" | "required">) {
  return (
    <label for={fieldId(name)}>
      {label}
      {required && <span class="required">必須</span>}
    </label>
  );
}

/** The message next to a field, tied to it with aria-describedby. */
function Message({ form, name, hint }: Pick<FieldProps, "form" | "name" | "hint">) {
  const error = form.errors[name];
  return (
    <>
      {hint && (
        <p class="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(form: FormState, name: string, hint?: string): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : "", form.errors[name] ? `${fieldId(name)}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField(
  props: FieldProps & {
    type?: "text" | "password" | "email" | "tel" | "time" | "date" | "url";
    maxLength?: number;
    autocomplete?: string;
    inputmode?: "numeric" | "text" | "tel" | "email";
    size?: "short" | "medium" | "long";
    suffix?: string;
    /** For type="time": seconds between allowed values. */
    step?: number;
  },
) {
  const { form, name, type = "text" } = props;
  return (
    <div class={`field ${props.size ?? "medium"}`}>
      <Label {...props} />
      <div class="control">
        <input
          id={fieldId(name)}
          name={name}
          type={type}
          value={type === "password" ? "" : (form.values[name] ?? "")}
          required={props.required}
          maxlength={props.maxLength}
          step={props.step}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          aria-invalid={form.errors[name] ? "true" : undefined}
          aria-describedby={describedBy(form, name, props.hint)}
        />
        {props.suffix && <span class="suffix">{props.suffix}</span>}
      </div>
      <Message {...props} />
    </div>
  );
}

export function TextArea(props: FieldProps & { maxLength?: number; rows?: number }) {
  const { form, name } = props;
  return (
    <div class="field long">
      <Label {...props} />
      <textarea
        id={fieldId(name)}
        name={name}
        rows={props.rows ?? 3}
        maxlength={props.maxLength}
        aria-invalid={form.errors[name] ? "true" : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
      >
        {form.values[name] ?? ""}
      </textarea>
      <Message {...props} />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: readonly { value: string; label: string }[]; blank?: string }) {
  const { form, name } = props;
  const current = form.values[name] ?? "";
  return (
    <div class="field medium">
      <Label {...props} />
      <select
        id={fieldId(name)}
        name={name}
        required={props.required}
        aria-invalid={form.errors[name] ? "true" : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
      >
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
      <Message {...props} />
    </div>
  );
}

export function CheckboxField(props: Omit<FieldProps, "required">) {
  const { form, name } = props;
  const checked = ["1", "on", "true"].includes(form.values[name] ?? "");
  return (
    <div class="field checkbox">
      <input id={fieldId(name)} type="checkbox" name={name} value="1" checked={checked} />
      <label for={fieldId(name)}>{props.label}</label>
      <Message {...props} />
    </div>
  );
}

export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** Said once at the top of a form that came back with errors, for screen readers too. */
export function ErrorSummary({ form }: { form: FormState }) {
  if (Object.keys(form.errors).length === 0) return null;
  return (
    <div class="alert error" role="alert">
      入力内容に誤りがあります。各項目のメッセージをご確認ください。
    </div>
  );
}

export function Actions({ children }: { children: Child }) {
  return <div class="form-actions">{children}</div>;
}
