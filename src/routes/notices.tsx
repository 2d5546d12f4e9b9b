import { Hono, type Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { NoticeDetail, NoticeList, NoticeSummary, ScheduleAlert } from "../../views/notices/index";
import { ErrorMessage } from "../../views/errors";
import type { SignedInEnv } from "../context";
import { findNotice, listNotices, markNoticeTranscribed, syncAlert, syncAlertEtag, type SyncAlert } from "../domain/notices";
import { renderPage } from "../lib/render";

type Ctx = Context<SignedInEnv>;

/** A tiny polled fragment, or 304 when the terminal already shows this version. */
function polled(c: Ctx, render: (alert: SyncAlert, etag: string) => JSX.Element) {
  const { db, clock } = c.get("deps");
  const alert = syncAlert(db, c.get("user").salonId, clock());
  const etag = syncAlertEtag(alert);
  if (c.req.header("If-None-Match") === etag) return c.body(null, 304, { ETag: etag });
  c.header("ETag", etag);
  return c.html(render(alert, etag));
}

const FLASHES: Record<string, string> = { resolved: "お知らせを対応済にしました。" };

export const noticeRoutes = new Hono<SignedInEnv>()
  .get("/", (c) => {
    const { db, config } = c.get("deps");
    const result = listNotices(db, c.get("user").salonId, Math.floor(Number(c.req.query("page"))) || 1);
    return renderPage(c, { title: "お知らせ一覧", nav: "notices" }, <NoticeList {...result} appName={config.appName} />);
  })
  .get("/summary", (c) =>
    polled(c, (alert, etag) => <NoticeSummary alert={alert} appName={c.get("deps").config.appName} etag={etag} pollSeconds={c.get("deps").config.noticePollSeconds} />),
  )
  .get("/alert", (c) => polled(c, (alert, etag) => <ScheduleAlert alert={alert} etag={etag} pollSeconds={c.get("deps").config.noticePollSeconds} />))
  .get("/:id", (c) => {
    const { db, config } = c.get("deps");
    const notice = findNotice(db, c.get("user").salonId, Number(c.req.param("id")));
    if (!notice) return notFound(c);
    const flash = FLASHES[c.req.query("done") ?? ""] ?? null;
    return renderPage(c, { title: "お知らせ", nav: "notices" }, <NoticeDetail n={notice} appName={config.appName} csrfToken={c.get("session").csrfToken} flash={flash} />);
  })
  .post("/:id/resolution", (c) => {
    const { db, clock } = c.get("deps");
    const notice = findNotice(db, c.get("user").salonId, Number(c.req.param("id")));
    if (!notice) return notFound(c);
    const result = markNoticeTranscribed(db, notice, c.get("user").id, clock());
    if (!result.ok) return renderPage(c, { title: "お知らせ", nav: "notices", status: 409 }, <ErrorMessage title="対応済にできません" message={result.message} />);
    return c.redirect(`/notices/${notice.id}?done=resolved`, 303);
  });

function notFound(c: Ctx) {
  return renderPage(c, { title: "見つかりません", nav: "notices", status: 404 }, <ErrorMessage title="お知らせが見つかりません" message="お探しのお知らせは存在しません。" />);
}
