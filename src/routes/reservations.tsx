import { and, asc, eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { emptyForm, type FormState } from "../../views/components/form";
import { ErrorMessage } from "../../views/errors";
import { ReservationDetail } from "../../views/reservations/detail";
import { CustomerHits, ReservationForm, SEARCH_CUSTOMER, type ReservationFormProps } from "../../views/reservations/form";
import { describeInput, RegistrationConfirm } from "../../views/reservations/registration";
import { ReservationList } from "../../views/reservations/list";
import { SyncStatus } from "../../views/reservations/sync";
import { CancelConfirm, MemoForm, ReservationWindow } from "../../views/reservations/window";
import type { SignedInEnv } from "../context";
import type { Db } from "../db/client";
import { facilities, menus, staff, type Reservation } from "../db/schema";
import { listReservations, readFilter, reservationView, visitCount } from "../domain/agenda";
import { salonDay } from "../domain/capacity";
import { setTranscribed } from "../domain/notices";
import { checkRegistration, registerTranscription, registrationValues, salonBoardSummary } from "../domain/transcription";
import { salonRevision } from "../domain/salons";
import { customerKana, customerName, findCustomer, searchCustomers, type CustomerHit } from "../domain/customers";
import {
  bookReservation,
  cancelReservation,
  changeReservation,
  findReservation,
  reservationFormValues,
  updateVisitMemo,
} from "../domain/reservations";
import { readForm, type FormValues } from "../lib/form";
import { jstDate } from "../lib/jst";
import { CachedFragment, isHtmx, renderPage, renderPageAround, renderPartialOrPage, renderToString } from "../lib/render";

type Ctx = Context<SignedInEnv>;

declare module "hono" {
  interface ContextVariableMap {
    /** Set by the member router: the reservation of the path, within the signed-in salon. */
    reservation: Reservation;
  }
}

const FLASHES: Record<string, string> = {
  created: "予約を登録しました。",
  changed: "予約を変更しました。",
  cancelled: "予約をキャンセルしました。",
  memo: "来店時メモを保存しました。",
  transcribed: "予約転記済チェックを保存しました。",
  registered: "SALON BOARDの予約を登録しました。この予約はSALON BOARDへ送信されません（二重登録されません）。",
};

function today(c: Ctx): string {
  return jstDate(c.get("deps").clock());
}

function chosenCustomer(db: Db, salonId: number, values: FormValues): CustomerHit | null {
  const id = Number(values.customerId);
  const customer = Number.isSafeInteger(id) && id > 0 ? findCustomer(db, salonId, id) : undefined;
  if (!customer) return null;
  return { id: customer.id, customerNo: customer.customerNo, name: customerName(customer), kana: customerKana(customer), phone: customer.phone };
}

function formPage(c: Ctx, form: FormState, reservation: Reservation | null, status: 200 | 409 | 422 = 200, registration: ReservationFormProps["registration"] = null) {
  const { db } = c.get("deps");
  const salonId = c.get("user").salonId;
  const props = {
    form,
    csrfToken: c.get("session").csrfToken,
    staff: db.select().from(staff).where(and(eq(staff.salonId, salonId), eq(staff.active, true))).orderBy(asc(staff.displayOrder), asc(staff.id)).all(),
    facilities: db.select().from(facilities).where(and(eq(facilities.salonId, salonId), eq(facilities.active, true))).orderBy(asc(facilities.displayOrder)).all(),
    menus: db.select().from(menus).where(and(eq(menus.salonId, salonId), eq(menus.active, true))).orderBy(asc(menus.displayOrder), asc(menus.id)).all(),
    chosen: chosenCustomer(db, salonId, form.values),
    reservation: reservation ? { id: reservation.id, number: reservation.number } : null,
    slotMinutes: salonDay(db, salonId, today(c)).slotMinutes,
    hits: form.values.intent === SEARCH_CUSTOMER ? searchCustomers(db, salonId, form.values.customerQuery ?? "") : null,
    registration,
  };
  const title = registration ? "予約情報登録（転記）" : reservation ? "予約の変更" : "新規予約";
  return renderPage(c, { title, nav: "reservations", status }, <ReservationForm {...props} />);
}

/** 予約を転記する: the transcription form of a 仮登録 from SALON BOARD. */
function registrationPage(c: Ctx, form: FormState, status: 200 | 409 | 422 = 200) {
  const r = c.get("reservation");
  return formPage(c, form, r, status, { summary: salonBoardSummary(r), reason: r.syncError });
}

const isWaitingRegistration = (r: Reservation) => r.status === "provisional" && r.origin === "salonboard";

function notFound(c: Ctx) {
  return renderPage(c, { title: "見つかりません", nav: "reservations", status: 404 }, <ErrorMessage title="予約が見つかりません" message="お探しの予約は存在しないか、削除されました。" />);
}

/** Loads the reservation of the path within the signed-in salon, or answers 404. */
const member = new Hono<SignedInEnv>();
member.use("/:id", loadReservation);
member.use("/:id/*", loadReservation);
async function loadReservation(c: Ctx, next: () => Promise<void>) {
  const id = Number(c.req.param("id"));
  const reservation = Number.isSafeInteger(id) && id > 0 ? findReservation(c.get("deps").db, c.get("user").salonId, id) : undefined;
  if (!reservation) return notFound(c);
  c.set("reservation", reservation);
  await next();
}

function windowOrDetail(c: Ctx, reservation: Reservation, flashKey: string | null) {
  const { db } = c.get("deps");
  const view = reservationView(db, reservation);
  const visits = view.customerId === null ? null : visitCount(db, view.customerId);
  const flash = flashKey ? FLASHES[flashKey] : null;
  return renderPartialOrPage(
    c,
    { title: "予約詳細", nav: "reservations" },
    <ReservationWindow r={view} visits={visits} flash={flash} csrfToken={c.get("session").csrfToken} />,
    () => <ReservationDetail r={view} today={today(c)} visits={visits} flash={flash} csrfToken={c.get("session").csrfToken} />,
  );
}

member
  .get("/:id", (c) => windowOrDetail(c, c.get("reservation"), c.req.query("done") ?? null))
  .get("/:id/window", (c) => windowOrDetail(c, c.get("reservation"), null))
  .get("/:id/edit", (c) => formPage(c, emptyForm(reservationFormValues(c.get("reservation"))), c.get("reservation")))
  .post("/:id", async (c) => {
    const { db, clock } = c.get("deps");
    const values = await readForm(c);
    if (values.intent === SEARCH_CUSTOMER) return formPage(c, emptyForm(values), c.get("reservation"));
    const result = changeReservation(db, clock, c.get("reservation"), values);
    if (!result.ok) return formPage(c, { values, errors: result.errors }, c.get("reservation"), 422);
    return c.redirect(`/reservations/${result.reservation.id}?done=changed`, 303);
  })
  .get("/:id/cancellation", (c) => {
    const view = reservationView(c.get("deps").db, c.get("reservation"));
    const confirm = <CancelConfirm r={view} csrfToken={c.get("session").csrfToken} />;
    return renderPartialOrPage(c, { title: "予約のキャンセル", nav: "reservations" }, confirm, () => <section class="panel">{confirm}</section>);
  })
  .post("/:id/cancellation", (c) => {
    const { db, clock } = c.get("deps");
    const result = cancelReservation(db, clock, c.get("reservation"));
    if (!result.ok) {
      const confirm = <CancelConfirm r={reservationView(db, c.get("reservation"))} csrfToken={c.get("session").csrfToken} error={result.message} />;
      return renderPartialOrPage(c, { title: "予約のキャンセル", nav: "reservations", status: 409 }, confirm, () => <section class="panel">{confirm}</section>);
    }
    if (isHtmx(c)) {
      c.header("HX-Trigger", "schedule-changed");
      return windowOrDetail(c, result.reservation, "cancelled");
    }
    return c.redirect(`/reservations/${result.reservation.id}?done=cancelled`, 303);
  })
  .post("/:id/transcription", async (c) => {
    const { db, clock } = c.get("deps");
    const values = await readForm(c);
    const result = setTranscribed(db, c.get("reservation"), c.get("user").id, values.transcribed === "1", clock());
    if (!result.ok) return c.text(result.message, 409);
    if (!isHtmx(c)) return c.redirect(`/reservations/${c.get("reservation").id}?done=transcribed`, 303);
    const view = reservationView(db, findReservation(db, c.get("user").salonId, c.get("reservation").id)!);
    return c.html(<SyncStatus r={view} csrfToken={c.get("session").csrfToken} flash={FLASHES.transcribed} />);
  })
  .get("/:id/registration", (c) => {
    const r = c.get("reservation");
    if (!isWaitingRegistration(r)) return c.redirect(`/reservations/${r.id}?done=registered`, 303);
    return registrationPage(c, emptyForm(registrationValues(c.get("deps").db, r)));
  })
  .post("/:id/registration", async (c) => {
    const { db, clock } = c.get("deps");
    const r = c.get("reservation");
    const values = await readForm(c);
    if (!isWaitingRegistration(r)) return c.redirect(`/reservations/${r.id}?done=registered`, 303);
    if (values.intent === SEARCH_CUSTOMER || values.step === "edit") return registrationPage(c, emptyForm(values));
    if (values.step === "register") {
      const result = registerTranscription(db, clock, r, values, c.get("user").id);
      if (result.ok) return c.redirect(`/reservations/${r.id}?done=registered`, 303);
      if (result.errors.form) return c.redirect(`/reservations/${r.id}?done=registered`, 303); // registered meanwhile by someone else
      return registrationPage(c, { values, errors: result.errors }, 422);
    }
    const { input, errors } = checkRegistration(db, r, values);
    if (!input) return registrationPage(c, { values, errors }, 422);
    const confirm = <RegistrationConfirm r={r} summary={salonBoardSummary(r)} values={values} shown={describeInput(db, c.get("user").salonId, input)} csrfToken={c.get("session").csrfToken} />;
    return renderPage(c, { title: "予約情報登録（転記）の確認", nav: "reservations" }, confirm);
  })
  .get("/:id/memo", (c) => {
    const r = c.get("reservation");
    const form = <MemoForm r={reservationView(c.get("deps").db, r)} form={emptyForm({ visitMemo: r.visitMemo })} csrfToken={c.get("session").csrfToken} />;
    return renderPartialOrPage(c, { title: "メモ編集", nav: "reservations" }, form, () => <section class="panel">{form}</section>);
  })
  .post("/:id/memo", async (c) => {
    const { db, clock } = c.get("deps");
    const values = await readForm(c);
    const result = updateVisitMemo(db, clock, c.get("reservation"), values);
    if (!result.ok) {
      const form = <MemoForm r={reservationView(db, c.get("reservation"))} form={{ values, errors: result.errors }} csrfToken={c.get("session").csrfToken} />;
      return renderPartialOrPage(c, { title: "メモ編集", nav: "reservations", status: 422 }, form, () => <section class="panel">{form}</section>);
    }
    if (isHtmx(c)) {
      c.header("HX-Trigger", "schedule-changed");
      return windowOrDetail(c, result.reservation, "memo");
    }
    return c.redirect(`/reservations/${result.reservation.id}?done=memo`, 303);
  });

export const reservationRoutes = new Hono<SignedInEnv>()
  .get("/", (c) => {
    const { db } = c.get("deps");
    const salonId = c.get("user").salonId;
    const filter = readFilter(c.req.query(), today(c));
    // Rendered again only when the salon's data changed: the list is opened all day.
    const list = {
      key: `reservations:${salonId}:${JSON.stringify(filter)}`,
      stamp: String(salonRevision(db, salonId)),
      render: () => {
        const result = listReservations(db, salonId, filter);
        const staffRows = db.select().from(staff).where(eq(staff.salonId, salonId)).orderBy(asc(staff.displayOrder), asc(staff.id)).all();
        return renderToString(<ReservationList filter={filter} result={result} staff={staffRows} />);
      },
    };
    return renderPageAround(c, { title: "予約一覧", nav: "reservations" }, <CachedFragment />, list);
  })
  .get("/new", (c) => {
    const q = c.req.query();
    const values: FormValues = { date: q.date ?? today(c), time: q.time ?? "", staffId: q.staffId ?? "", route: "電話" };
    return formPage(c, emptyForm(values), null);
  })
  .get("/customer-search", (c) => {
    const query = c.req.query("customerQuery") ?? "";
    const salonId = c.get("user").salonId;
    const { db } = c.get("deps");
    const hits = searchCustomers(db, salonId, query);
    const chosen = chosenCustomer(db, salonId, { customerId: c.req.query("customerId") ?? "" });
    const all = chosen && !hits.some((h) => h.id === chosen.id) ? [chosen, ...hits] : hits;
    return c.html(<CustomerHits hits={all} chosenId={chosen?.id ?? null} query={query} />);
  })
  .post("/", async (c) => {
    const { db, clock } = c.get("deps");
    const values = await readForm(c);
    if (values.intent === SEARCH_CUSTOMER) return formPage(c, emptyForm(values), null);
    const result = bookReservation(db, clock, c.get("user").salonId, values);
    if (!result.ok) return formPage(c, { values, errors: result.errors }, null, 422);
    return c.redirect(`/reservations/${result.reservation.id}?done=created`, 303);
  })
  .route("/", member);
