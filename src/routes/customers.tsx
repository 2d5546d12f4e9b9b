import { Hono } from "hono";
import { CustomerPage } from "../../views/customers/show";
import { ErrorMessage } from "../../views/errors";
import type { SignedInEnv } from "../context";
import { customerHistory, visitSummary } from "../domain/agenda";
import { findCustomer } from "../domain/customers";
import { renderPage } from "../lib/render";

export const customerRoutes = new Hono<SignedInEnv>().get("/:id", (c) => {
  const { db } = c.get("deps");
  const id = Number(c.req.param("id"));
  const customer = Number.isSafeInteger(id) && id > 0 ? findCustomer(db, c.get("user").salonId, id) : undefined;
  if (!customer) {
    return renderPage(c, { title: "見つかりません", status: 404 }, <ErrorMessage title="お客様が見つかりません" message="お探しのお客様は存在しないか、削除されました。" />);
  }
  return renderPage(c, { title: "お客様情報" }, <CustomerPage customer={customer} visits={visitSummary(db, customer.id)} history={customerHistory(db, customer.id)} />);
});
