import { Hono, type Context } from "hono";
import { emptyForm, type FormState } from "../../views/components/form";
import { SalonBoardMapping, SalonBoardSettings, type TestResult } from "../../views/settings/salonboard";
import { DeletionLog } from "../../views/settings/deletions";
import { listDeletions } from "../domain/customer-list";
import { ErrorMessage } from "../../views/errors";
import { SettingsIndex } from "../../views/settings/index";
import { MasterForm, MasterList } from "../../views/settings/masters";
import { SalonForm } from "../../views/settings/salon";
import { UserForm, UserList } from "../../views/settings/users";
import { requireAdmin } from "../auth/middleware";
import type { SignedInEnv } from "../context";
import { findMaster, listMasters, MASTERS, masterFormValues, saveMaster, type MasterSpec } from "../domain/masters";
import { getSalonSettings, salonFormValues, updateSalonSettings } from "../domain/salons";
import { createUser, findUser, listUsers, updateUser, userFormValues } from "../domain/users";
import { readForm } from "../lib/form";
import { connectionFormValues, connectionHealth, fetchPeerMasters, findConnection, saveConnection, saveMapping } from "../sync/connections";
import { renderPage } from "../lib/render";

type Ctx = Context<SignedInEnv>;

const FLASHES: Record<string, string> = { created: "登録しました。", saved: "変更を保存しました。" };
const flashOf = (c: Ctx) => FLASHES[c.req.query("done") ?? ""] ?? null;

function notFound(c: Ctx) {
  return renderPage(c, { title: "見つかりません", nav: "settings", status: 404 }, <ErrorMessage title="見つかりません" message="お探しのデータは存在しないか、削除されました。" />);
}

/** A record id from the path; anything but a positive whole number is unknown. */
function idParam(c: Ctx): number | null {
  const id = Number(c.req.param("id"));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function masterRoutes(spec: MasterSpec) {
  const page = (status: 200 | 422 = 200) => ({ title: `${spec.title} | 設定`, nav: "settings" as const, status });
  const form = (c: Ctx, values: Record<string, string>, id: number | null, errors = {}) => (
    <MasterForm spec={spec} form={{ values, errors }} csrfToken={c.get("session").csrfToken} id={id} />
  );
  return new Hono<SignedInEnv>()
    .get("/", (c) => {
      const rows = listMasters(c.get("deps").db, spec, c.get("user").salonId);
      return renderPage(c, page(), <MasterList spec={spec} rows={rows} flash={flashOf(c)} />);
    })
    .get("/new", (c) => renderPage(c, page(), form(c, masterFormValues(spec), null)))
    .post("/", async (c) => {
      const values = await readForm(c);
      const result = saveMaster(c.get("deps").db, spec, c.get("user").salonId, null, values);
      if (!result.ok) return renderPage(c, page(422), form(c, values, null, result.errors));
      return c.redirect(`/settings/${spec.key}?done=created`, 303);
    })
    .get("/:id/edit", (c) => {
      const id = idParam(c);
      const row = id && findMaster(c.get("deps").db, spec, c.get("user").salonId, id);
      if (!row) return notFound(c);
      return renderPage(c, page(), form(c, masterFormValues(spec, row), row.id));
    })
    .post("/:id", async (c) => {
      const id = idParam(c);
      const row = id && findMaster(c.get("deps").db, spec, c.get("user").salonId, id);
      if (!row) return notFound(c);
      const values = await readForm(c);
      const result = saveMaster(c.get("deps").db, spec, c.get("user").salonId, row.id, values);
      if (!result.ok) return renderPage(c, page(422), form(c, values, row.id, result.errors));
      return c.redirect(`/settings/${spec.key}?done=saved`, 303);
    });
}

const salonRoutes = new Hono<SignedInEnv>()
  .get("/", (c) => {
    const values = salonFormValues(getSalonSettings(c.get("deps").db, c.get("user").salonId));
    return renderPage(c, { title: "サロン情報 | 設定", nav: "settings" }, <SalonForm form={emptyForm(values)} csrfToken={c.get("session").csrfToken} flash={flashOf(c)} />);
  })
  .post("/", async (c) => {
    const values = await readForm(c);
    const result = updateSalonSettings(c.get("deps").db, c.get("user").salonId, values);
    if (!result.ok) {
      return renderPage(c, { title: "サロン情報 | 設定", nav: "settings", status: 422 }, <SalonForm form={{ values, errors: result.errors }} csrfToken={c.get("session").csrfToken} />);
    }
    return c.redirect("/settings/salon?done=saved", 303);
  });

const userRoutes = new Hono<SignedInEnv>()
  .get("/", (c) => {
    const users = listUsers(c.get("deps").db, c.get("user").salonId);
    return renderPage(c, { title: "ユーザー | 設定", nav: "settings" }, <UserList users={users} flash={flashOf(c)} />);
  })
  .get("/new", (c) =>
    renderPage(c, { title: "ユーザー | 設定", nav: "settings" }, <UserForm form={emptyForm(userFormValues())} csrfToken={c.get("session").csrfToken} user={null} />),
  )
  .post("/", async (c) => {
    const values = await readForm(c);
    const result = await createUser(c.get("deps").db, c.get("user").salonId, values);
    if (!result.ok) {
      return renderPage(c, { title: "ユーザー | 設定", nav: "settings", status: 422 }, <UserForm form={{ values, errors: result.errors }} csrfToken={c.get("session").csrfToken} user={null} />);
    }
    return c.redirect("/settings/users?done=created", 303);
  })
  .get("/:id/edit", (c) => {
    const id = idParam(c);
    const user = id && findUser(c.get("deps").db, c.get("user").salonId, id);
    if (!user) return notFound(c);
    return renderPage(c, { title: "ユーザー | 設定", nav: "settings" }, <UserForm form={emptyForm(userFormValues(user))} csrfToken={c.get("session").csrfToken} user={user} />);
  })
  .post("/:id", async (c) => {
    const { db, auth } = c.get("deps");
    const id = idParam(c);
    const user = id && findUser(db, c.get("user").salonId, id);
    if (!user) return notFound(c);
    const values = await readForm(c);
    const result = await updateUser(db, user, values);
    if (!result.ok) {
      return renderPage(c, { title: "ユーザー | 設定", nav: "settings", status: 422 }, <UserForm form={{ values, errors: result.errors }} csrfToken={c.get("session").csrfToken} user={user} />);
    }
    if (result.signOut) await auth.signOutEverywhere(user.id);
    return c.redirect(result.signOut && user.id === c.get("user").id ? "/login" : "/settings/users?done=saved", 303);
  });

function salonBoardPage(c: Ctx, form: FormState, status: 200 | 422 = 200, test: TestResult | null = null) {
  const { db } = c.get("deps");
  const salonId = c.get("user").salonId;
  const page = <SalonBoardSettings form={form} tokenSet={!!findConnection(db, salonId)} health={connectionHealth(db, salonId)} csrfToken={c.get("session").csrfToken} flash={flashOf(c)} test={test} />;
  return renderPage(c, { title: "SALON BOARD連携 | 設定", nav: "settings", status }, page);
}

async function mappingPage(c: Ctx, form: FormState | null, status: 200 | 422 = 200) {
  const { db } = c.get("deps");
  const salonId = c.get("user").salonId;
  const connection = findConnection(db, salonId);
  const fetched = connection ? await fetchPeerMasters(connection) : { ok: false as const, message: "接続先が設定されていません" };
  const staffRows = db.$client.prepare("SELECT id, name, salonboard_code FROM staff WHERE salon_id = ? AND active = 1 ORDER BY display_order, id").all(salonId) as { id: number; name: string; salonboard_code: string | null }[];
  const menuRows = db.$client.prepare("SELECT id, name, salonboard_code FROM menus WHERE salon_id = ? AND active = 1 ORDER BY display_order, id").all(salonId) as { id: number; name: string; salonboard_code: string | null }[];
  const values = Object.fromEntries([...staffRows.map((s) => [`staff-${s.id}`, s.salonboard_code ?? ""]), ...menuRows.map((m) => [`menus-${m.id}`, m.salonboard_code ?? ""])]);
  const page = (
    <SalonBoardMapping
      form={form ?? emptyForm(values)}
      masters={fetched.ok ? fetched.masters : null}
      message={fetched.ok ? null : fetched.message}
      staff={staffRows}
      menus={menuRows}
      csrfToken={c.get("session").csrfToken}
      flash={flashOf(c)}
    />
  );
  return renderPage(c, { title: "スタッフ・クーポンの紐付け | 設定", nav: "settings", status }, page);
}

const salonBoardRoutes = new Hono<SignedInEnv>()
  .get("/", (c) => salonBoardPage(c, emptyForm(connectionFormValues(findConnection(c.get("deps").db, c.get("user").salonId)))))
  .post("/", async (c) => {
    const values = await readForm(c);
    const result = saveConnection(c.get("deps").db, c.get("user").salonId, values);
    if (!result.ok) return salonBoardPage(c, { values: { ...values, token: "" }, errors: result.errors }, 422);
    return c.redirect("/settings/salonboard?done=saved", 303);
  })
  .post("/test", async (c) => {
    const { db } = c.get("deps");
    const connection = findConnection(db, c.get("user").salonId);
    const fetched = connection ? await fetchPeerMasters(connection) : { ok: false as const, message: "接続先が設定されていません" };
    const test: TestResult = fetched.ok ? { ok: true, staff: fetched.masters.staff.length, coupons: fetched.masters.coupons.length } : { ok: false, message: fetched.message };
    return salonBoardPage(c, emptyForm(connectionFormValues(connection)), 200, test);
  })
  .get("/mapping", (c) => mappingPage(c, null))
  .post("/mapping", async (c) => {
    const { db } = c.get("deps");
    const salonId = c.get("user").salonId;
    const values = await readForm(c);
    const connection = findConnection(db, salonId);
    const fetched = connection ? await fetchPeerMasters(connection) : null;
    if (!fetched?.ok) return mappingPage(c, emptyForm(values), 422);
    const result = saveMapping(db, salonId, values, fetched.masters);
    if (!result.ok) return mappingPage(c, { values, errors: result.errors }, 422);
    return c.redirect("/settings/salonboard/mapping?done=saved", 303);
  });

export const settingsRoutes = new Hono<SignedInEnv>()
  .use(requireAdmin)
  .get("/", (c) => renderPage(c, { title: "設定", nav: "settings" }, <SettingsIndex />))
  .route("/salon", salonRoutes)
  .route("/salonboard", salonBoardRoutes)
  .get("/deletions", (c) => renderPage(c, { title: "お客様の削除履歴 | 設定", nav: "settings" }, <DeletionLog records={listDeletions(c.get("deps").db, c.get("user").salonId)} />))
  .route("/users", userRoutes);

for (const spec of Object.values(MASTERS)) settingsRoutes.route(`/${spec.key}`, masterRoutes(spec));
