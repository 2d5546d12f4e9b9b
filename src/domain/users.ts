import { and, asc, count, eq, ne } from "drizzle-orm";
import { normalizeLoginId } from "../auth";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/passwords";
import type { Db, Queryable } from "../db/client";
import { users, type Role, type User } from "../db/schema";
import { FormReader, type FieldErrors, type FormValues } from "../lib/form";

export const ROLES: readonly Role[] = ["admin", "staff"];
export const ROLE_LABELS: Record<Role, string> = { admin: "管理者", staff: "スタッフ" };

export function listUsers(db: Db, salonId: number): User[] {
  return db.select().from(users).where(eq(users.salonId, salonId)).orderBy(asc(users.id)).all();
}

export function findUser(db: Db, salonId: number, id: number): User | undefined {
  return db.select().from(users).where(and(eq(users.id, id), eq(users.salonId, salonId))).get();
}

export function userFormValues(user?: User): FormValues {
  if (!user) return { loginId: "", displayName: "", role: "staff", active: "1", password: "" };
  return { loginId: user.loginId, displayName: user.displayName, role: user.role, active: user.active ? "1" : "", password: "" };
}

function readPassword(form: FormReader, required: boolean): string | null {
  const password = form.values.password ?? "";
  if (password === "") {
    if (required) form.fail("password", "パスワードを入力してください。");
    return null;
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) form.fail("password", `パスワードは${MIN_PASSWORD_LENGTH}文字以上で入力してください。`);
  else if (password.length > 128) form.fail("password", "パスワードは128文字以内で入力してください。");
  return password;
}

export type UserResult = { ok: true; id: number; signOut: boolean } | { ok: false; errors: FieldErrors };

export async function createUser(db: Db, salonId: number, values: FormValues): Promise<UserResult> {
  const form = new FormReader(values);
  const loginId = normalizeLoginId(values.loginId ?? "");
  if (loginId === "") form.fail("loginId", "ログインIDを入力してください。");
  else if (!/^[a-z0-9._-]{3,32}$/.test(loginId))
    form.fail("loginId", "ログインIDは半角英数字と「.」「_」「-」の3〜32文字で入力してください。");
  else if (db.select({ id: users.id }).from(users).where(eq(users.loginId, loginId)).get())
    form.fail("loginId", "このログインIDは既に使われています。");
  const displayName = form.text("displayName", { label: "表示名", required: true, max: 40 });
  const role = form.oneOf("role", { label: "権限", options: ROLES });
  const password = readPassword(form, true);
  if (!form.ok || password === null) return { ok: false, errors: form.errors };

  const passwordHash = await hashPassword(password);
  const row = db
    .insert(users)
    .values({ salonId, loginId, displayName, role, passwordHash, active: form.bool("active") })
    .returning({ id: users.id })
    .get();
  return { ok: true, id: row.id, signOut: false };
}

function otherActiveAdmins(db: Queryable, salonId: number, exceptId: number): number {
  const row = db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.salonId, salonId), eq(users.role, "admin"), eq(users.active, true), ne(users.id, exceptId)))
    .get();
  return row?.n ?? 0;
}

/** Changes a user; a new password or a deactivation ends that user's sessions. */
export async function updateUser(db: Db, user: User, values: FormValues): Promise<UserResult> {
  const form = new FormReader(values);
  const displayName = form.text("displayName", { label: "表示名", required: true, max: 40 });
  const role = form.oneOf("role", { label: "権限", options: ROLES });
  const active = form.bool("active");
  const password = readPassword(form, false);
  if (!form.ok) return { ok: false, errors: form.errors };

  const passwordHash = password === null ? undefined : await hashPassword(password);
  const losesAdmin = user.role === "admin" && user.active && (role !== "admin" || !active);
  // Checked and written in one transaction, so two admins cannot demote each other at once.
  const refused = db.transaction((tx) => {
    if (losesAdmin && otherActiveAdmins(tx, user.salonId, user.id) === 0) return true;
    tx.update(users)
      .set({ displayName, role, active, ...(passwordHash ? { passwordHash } : {}) })
      .where(eq(users.id, user.id))
      .run();
    return false;
  }, { behavior: "immediate" });
  if (refused) return { ok: false, errors: { role: "有効な管理者が一人もいなくなるため、この変更はできません。" } };
  return { ok: true, id: user.id, signOut: passwordHash !== undefined || !active };
}
