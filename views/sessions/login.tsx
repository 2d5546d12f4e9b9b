import { emptyForm, TextField, type FormState } from "../components/form";

export function LoginPage({ appName, form, message, next }: { appName: string; form: FormState; message?: string; next: string }) {
  return (
    <section class="login panel">
      <h1>{appName} にログイン</h1>
      {message && (
        <div class="alert error" role="alert">
          {message}
        </div>
      )}
      <form method="post" action="/login">
        <input type="hidden" name="next" value={next} />
        <TextField form={form} name="loginId" label="ログインID" required autocomplete="username" size="long" />
        <TextField form={emptyForm()} name="password" label="パスワード" type="password" required autocomplete="current-password" size="long" />
        <div class="form-actions">
          <button type="submit" class="primary">
            ログイン
          </button>
        </div>
      </form>
    </section>
  );
}
