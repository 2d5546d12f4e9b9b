import { and, asc, eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { emptyForm, type FormState } from "../../views/components/form";
import { BulkDeleteConfirm, CustomerList } from "../../views/customers/list";
import { CustomerDeleteConfirm, CustomerForm, CustomerPage } from "../../views/customers/show";
import { ErrorMessage } from "../../views/errors";
import type { SignedInEnv } from "../context";
import { plans, type Customer } from "../db/schema";
import { customerHistory, visitSummary } from "../domain/agenda";
import {
  changeContract,
  customerContracts,
  customerFormValues,
  deleteCustomer,
  deleteCustomers,
  deletionConsequences,
  filterQuery,
  readCustomerFilter,
  saveCustomer,
  searchCustomerPage,
  startContract,
  type Blocker,
} from "../domain/customer-list";
import { findCustomer } from "../domain/customers";
import { readForm } from "../lib/form";
import { jstDate } from "../lib/jst";
import { renderPage } from "../lib/render";

type Ctx = Context<SignedInEnv>;

declare module "hono" {
  interface ContextVariableMap {
    /** Set by the member router: the customer of the path, within the signed-in salon. */
    customer: Customer;
  }
}

const FLASHES: Record<string, string> = {
  created: "お客様を登録しました。",
  saved: "お客様情報を保存しました。",
  contract: "定額プランを更新しました。",
  "deleted-one": "お客様情報を削除しました。",
};

const today = (c: Ctx) => jstDate(c.get("deps").clock());

function listPage(c: Ctx, query: Record<string, string | string[] | undefined>, extra: { flash?: string | null; blockers?: Blocker[]; selected?: number[]; error?: string | null; status?: 200 | 409 | 422 } = {}) {
  const { db } = c.get("deps");
  const filter = readCustomerFilter(query);
  const result = searchCustomerPage(db, c.get("user").salonId, filter, today(c));
  const page = <CustomerList filter={filter} result={result} csrfToken={c.get("session").csrfToken} {...extra} />;
  return renderPage(c, { title: "お客様管理", nav: "customers", status: extra.status ?? 200 }, page);
}

function detailPage(c: Ctx, customer: Customer, flash: string | null, contractForm?: FormState, status: 200 | 422 = 200) {
  const { db } = c.get("deps");
  const salonPlans = db.select().from(plans).where(and(eq(plans.salonId, customer.salonId), eq(plans.active, true))).orderBy(asc(plans.displayOrder)).all();
  const page = (
    <CustomerPage
      customer={customer}
      visits={visitSummary(db, customer.id)}
      history={customerHistory(db, customer.id)}
      contracts={customerContracts(db, customer.id)}
      plans={salonPlans}
      csrfToken={c.get("session").csrfToken}
      flash={flash}
      contractForm={contractForm}
    />
  );
  return renderPage(c, { title: "お客様情報", nav: "customers", status }, page);
}

const formPage = (c: Ctx, form: FormState, customer: Customer | null, status: 200 | 422 = 200) =>
  renderPage(c, { title: customer ? "お客様情報の編集" : "お客様の新規登録", nav: "customers", status }, <CustomerForm form={form} customer={customer} csrfToken={c.get("session").csrfToken} />);

/** The ids of a posted form (one value or many), and where the list was. */
async function readSelection(c: Ctx): Promise<{ ids: number[]; back: string; confirm: boolean }> {
  const body = await c.req.parseBody({ all: true });
  const raw = body.ids;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === "string");
  // The list's search, rebuilt from what it means: never a place of the client's choosing.
  const back = filterQuery(readCustomerFilter(Object.fromEntries(new URLSearchParams(typeof body.back === "string" ? body.back : "").entries())));
  return { ids: list.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0), back, confirm: body.confirm === "1" };
}

/** Rendered pages held the deleted people's names: they go too. */
function forgetRendered(c: Ctx) {
  const salonId = c.get("user").salonId;
  c.get("deps").fragments.forget((key) => key.startsWith(`schedule:${salonId}:`) || key.startsWith(`reservations:${salonId}:`) || key === `home:${salonId}` || key.startsWith(`home:${salonId}|`));
  c.get("deps").db.$client.pragma("wal_checkpoint(TRUNCATE)");
}

function notFound(c: Ctx) {
  return renderPage(c, { title: "見つかりません", nav: "customers", status: 404 }, <ErrorMessage title="お客様が見つかりません" message="お探しのお客様は存在しないか、削除されました。" />);
}

const member = new Hono<SignedInEnv>();
member.use("/:id", loadCustomer);
member.use("/:id/*", loadCustomer);
async function loadCustomer(c: Ctx, next: () => Promise<void>) {
  const id = Number(c.req.param("id"));
  const customer = Number.isSafeInteger(id) && id > 0 ? findCustomer(c.get("deps").db, c.get("user").salonId, id) : undefined;
  if (!customer) return notFound(c);
  c.set("customer", customer);
  await next();
}

member
  .get("/:id", (c) => detailPage(c, c.get("customer"), FLASHES[c.req.query("done") ?? ""] ?? null))
  .get("/:id/edit", (c) => formPage(c, emptyForm(customerFormValues(c.get("customer"))), c.get("customer")))
  .post("/:id", async (c) => {
    const { db, clock } = c.get("deps");
    const values = await readForm(c);
    const result = saveCustomer(db, clock, c.get("user").salonId, c.get("customer"), values);
    if (!result.ok) return formPage(c, { values, errors: result.errors }, c.get("customer"), 422);
    return c.redirect(`/customers/${result.customer.id}?done=saved`, 303);
  })
  .post("/:id/contracts", async (c) => {
    const { db, clock } = c.get("deps");
    const values = await readForm(c);
    const result = startContract(db, clock, c.get("customer"), values);
    if (!result.ok) return detailPage(c, c.get("customer"), null, { values, errors: result.errors }, 422);
    return c.redirect(`/customers/${c.get("customer").id}?done=contract`, 303);
  })
  .post("/:id/contracts/:contractId", async (c) => {
    const { db, clock } = c.get("deps");
    const values = await readForm(c);
    const status = values.status === "payment_failed" ? "payment_failed" : values.status === "cancelled" ? "cancelled" : null;
    if (!status || !changeContract(db, clock, c.get("customer"), Number(c.req.param("contractId")), status)) return notFound(c);
    return c.redirect(`/customers/${c.get("customer").id}?done=contract`, 303);
  })
  .get("/:id/deletion", (c) => {
    const customer = c.get("customer");
    const consequences = deletionConsequences(c.get("deps").db, customer, today(c));
    return renderPage(c, { title: "お客様情報の削除", nav: "customers" }, <CustomerDeleteConfirm customer={customer} consequences={consequences} csrfToken={c.get("session").csrfToken} />);
  })
  .post("/:id/deletion", (c) => {
    const { db, clock } = c.get("deps");
    deleteCustomer(db, clock, c.get("customer"), c.get("user").id);
    forgetRendered(c);
    return c.redirect("/customers?done=deleted-one", 303);
  });

export const customerRoutes = new Hono<SignedInEnv>()
  .get("/", (c) => {
    const done = c.req.query("done");
    const flash = done === "deleted" ? `${Number(c.req.query("n")) || 0}件のお客様を削除しました。` : (FLASHES[done ?? ""] ?? null);
    return listPage(c, c.req.queries(), { flash });
  })
  .get("/new", (c) => formPage(c, emptyForm(customerFormValues()), null))
  .post("/", async (c) => {
    const { db, clock } = c.get("deps");
    const values = await readForm(c);
    const result = saveCustomer(db, clock, c.get("user").salonId, null, values);
    if (!result.ok) return formPage(c, { values, errors: result.errors }, null, 422);
    return c.redirect(`/customers/${result.customer.id}?done=created`, 303);
  })
  .post("/deletion", async (c) => {
    const { db, clock } = c.get("deps");
    const { ids, back, confirm } = await readSelection(c);
    const query = Object.fromEntries(new URLSearchParams(back).entries());
    if (ids.length === 0) return listPage(c, query, { error: "削除するお客様を選択してください。", status: 422 });
    if (!confirm) return renderPage(c, { title: "お客様の削除", nav: "customers" }, <BulkDeleteConfirm ids={ids} back={back} csrfToken={c.get("session").csrfToken} />);
    const result = deleteCustomers(db, clock, c.get("user").salonId, ids, c.get("user").id);
    if (result.ok) {
      forgetRendered(c);
      return c.redirect(`/customers?${back}${back ? "&" : ""}done=deleted&n=${result.deleted}`, 303);
    }
    if ("blockers" in result) return listPage(c, query, { blockers: result.blockers, selected: ids, status: 409 });
    return listPage(c, query, { error: result.message, status: 422 });
  })
  .route("/", member);
