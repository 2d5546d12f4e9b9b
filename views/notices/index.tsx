import type { NoticeDirection } from "../../src/db/schema";
import { noticeHeadline, noticeMessage, RESOLUTION_LABELS, type NoticeView, type SyncAlert } from "../../src/domain/notices";
import { formatDateTime, formatNoticeDate, formatNoticeDateTime } from "../../src/lib/jst";
import { Flash } from "../components/flash";
import { CsrfInput } from "../components/form";
import { Pager } from "../components/pager";

/** The mark of a notice nobody has resolved yet. */
export function AlertMark() {
  return (
    <span class="alert-mark" role="img" aria-label="未対応">
      !
    </span>
  );
}


/** Polling headers: the fragment says which version it shows, a 304 leaves it as it is. */
const pollHeaders = (etag: string) => JSON.stringify({ "X-Background": "1", "If-None-Match": etag });

const connectionLine = (problem: string) => `SALON BOARDとの接続に問題があります（${problem}）。予約連携が止まっています。設定の「SALON BOARD連携」をご確認ください。`;

/** ホーム's お知らせ lines, one per direction with its count, as in the screenshot; polled. */
export function NoticeSummary({ alert, appName, etag, pollSeconds }: { alert: SyncAlert; appName: string; etag: string; pollSeconds: number }) {
  const lines = (["outbound", "inbound"] as const satisfies readonly NoticeDirection[]).filter((d) => alert[d] > 0);
  return (
    <div id="notice-summary" hx-get="/notices/summary" hx-trigger={`every ${pollSeconds}s`} hx-swap="outerHTML" hx-headers={pollHeaders(etag)}>
      {alert.problem && (
        <p class="alert error">
          <AlertMark />
          {connectionLine(alert.problem)}
        </p>
      )}
      {lines.length === 0 ? (
        <p class="empty">新しいお知らせはありません。</p>
      ) : (
        <ul class="notice-lines">
          {lines.map((d) => (
            <li>
              <AlertMark />
              <a href="/notices">
                {noticeHeadline(d, appName)}({alert[d]}件)
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The schedule's alert: blinks while any sync failure is unresolved, or the connection is down; polled. */
export function ScheduleAlert({ alert, etag, pollSeconds }: { alert: SyncAlert; etag: string; pollSeconds: number }) {
  const open = alert.outbound + alert.inbound;
  return (
    <div id="sync-alert" hx-get="/notices/alert" hx-trigger={`every ${pollSeconds}s`} hx-swap="outerHTML" hx-headers={pollHeaders(etag)}>
      {open > 0 && (
        <a class="sync-alert blink" href="/notices" role="alert">
          予約連携に失敗した予約があります（{open}件）。お知らせを確認してください。
        </a>
      )}
      {alert.problem && (
        <p class="sync-alert blink" role="alert">
          {connectionLine(alert.problem)}
        </p>
      )}
    </div>
  );
}

export function NoticeList({ rows, total, page, pages, appName }: { rows: NoticeView[]; total: number; page: number; pages: number; appName: string }) {
  return (
    <section class="panel">
      <h1>お知らせ一覧</h1>
      <p class="count">全{total}件</p>
      {rows.length === 0 ? (
        <p class="empty">お知らせはありません。</p>
      ) : (
        <table class="list notices">
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">未対応</span>
              </th>
              <th scope="col">日付</th>
              <th scope="col">件名</th>
              <th scope="col">状態</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr class={n.resolvedAt ? "resolved" : "open"}>
                <td>{!n.resolvedAt && <AlertMark />}</td>
                <td class="nowrap">{formatNoticeDate(n.createdAt)}</td>
                <td>
                  <a href={`/notices/${n.id}`}>{noticeHeadline(n.direction, appName)}</a>
                </td>
                <td class="nowrap">{n.resolvedAt ? "対応済" : "未対応"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && <Pager page={page} pages={pages} href={(n) => `/notices?page=${n}`} />}
    </section>
  );
}

/** The message of the seed, and what staff do about it by direction. */
export function NoticeDetail({ n, appName, csrfToken, flash }: { n: NoticeView; appName: string; csrfToken: string; flash?: string | null }) {
  return (
    <section class="panel notice-detail">
      <div class="title-row">
        <h1>お知らせ</h1>
        <a href="/notices">お知らせ一覧へ戻る</a>
      </div>
      <Flash message={flash} />
      <p class="notice-date">
        {!n.resolvedAt && <AlertMark />}
        {formatNoticeDateTime(n.createdAt)}
      </p>
      <div class="notice-message">
        {noticeMessage(n, appName).map((line) => (
          <p>{line}</p>
        ))}
      </div>
      {n.resolvedAt ? (
        <p class="resolved-by">
          対応済：{formatDateTime(n.resolvedAt)} {n.resolvedByName ?? "自動"}（{n.resolution ? RESOLUTION_LABELS[n.resolution] : ""}）
        </p>
      ) : n.direction === "outbound" ? (
        <div class="form-actions">
          <a class="button" href="/reservations?from=&sync=failed">
            予約一覧へ
          </a>
          <TranscribedButton n={n} csrfToken={csrfToken} />
        </div>
      ) : (
        <div class="form-actions">
          {n.reservationId !== null && n.provisional ? (
            <a class="button primary" href={`/reservations/${n.reservationId}/registration`}>
              予約を転記する
            </a>
          ) : (
            <TranscribedButton n={n} csrfToken={csrfToken} />
          )}
        </div>
      )}
      {n.reservationId !== null && (
        <p>
          <a href={`/reservations/${n.reservationId}`}>予約詳細を見る</a>
        </p>
      )}
    </section>
  );
}

/** 予約を転記しました: staff copied it by hand; the notice is resolved. */
function TranscribedButton({ n, csrfToken }: { n: NoticeView; csrfToken: string }) {
  return (
    <form method="post" action={`/notices/${n.id}/resolution`} class="inline">
      <CsrfInput token={csrfToken} />
      <button type="submit" class="primary">
        予約を転記しました
      </button>
    </form>
  );
}
