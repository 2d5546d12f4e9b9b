import { ROLE_LABELS, ROLES } from "../../src/domain/users";
import type { User } from "../../src/db/schema";
import { MIN_PASSWORD_LENGTH } from "../../src/auth/passwords";
import { Flash } from "../components/flash";
import { CheckboxField, CsrfInput, ErrorSummary, SelectField, TextField, type FormState } from "../components/form";
import { SettingsHeader } from "./index";

export function UserList({ users, flash }: { users: User[]; flash?: string | null }) {
  return (
    <section class="panel">
      <SettingsHeader title="ユーザー" />
      <div class="title-row">
        <h1>ユーザー</h1>
        <a class="button" href="/settings/users/new">
          ＋新規登録
        </a>
      </div>
      <Flash message={flash} />
      <table class="list">
        <thead>
          <tr>
            <th scope="col">ログインID</th>
            <th scope="col">表示名</th>
            <th scope="col">権限</th>
            <th scope="col">状態</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr class={u.active ? undefined : "inactive"}>
              <td>
                <a href={`/settings/users/${u.id}/edit`}>{u.loginId}</a>
              </td>
              <td>{u.displayName}</td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>{u.active ? "有効" : "無効"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function UserForm({ form, csrfToken, user }: { form: FormState; csrfToken: string; user: User | null }) {
  return (
    <section class="panel">
      <SettingsHeader title="ユーザー" />
      <h1>ユーザーの{user ? "編集" : "新規登録"}</h1>
      <ErrorSummary form={form} />
      <form method="post" action={user ? `/settings/users/${user.id}` : "/settings/users"} novalidate>
        <CsrfInput token={csrfToken} />
        {user ? (
          <p class="static-field">
            <span class="label">ログインID</span> {user.loginId}
          </p>
        ) : (
          <TextField form={form} name="loginId" label="ログインID" required maxLength={32} autocomplete="off" hint="半角英数字と「.」「_」「-」の3〜32文字" />
        )}
        <TextField form={form} name="displayName" label="表示名" required maxLength={40} />
        <SelectField form={form} name="role" label="権限" required options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        <TextField
          form={form}
          name="password"
          label={user ? "新しいパスワード" : "パスワード"}
          type="password"
          required={!user}
          autocomplete="new-password"
          hint={user ? `変更する場合のみ入力してください（${MIN_PASSWORD_LENGTH}文字以上）。変更するとこのユーザーはログアウトされます。` : `${MIN_PASSWORD_LENGTH}文字以上`}
        />
        <CheckboxField form={form} name="active" label="有効（ログインできる）" />
        <div class="form-actions">
          <a href="/settings/users">一覧へ戻る</a>
          <button type="submit" class="primary">
            {user ? "変更する" : "登録する"}
          </button>
        </div>
      </form>
    </section>
  );
}
