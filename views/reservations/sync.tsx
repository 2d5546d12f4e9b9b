import type { ReservationView } from "../../src/domain/agenda";
import { CsrfInput } from "../components/form";

/** The × of a reservation whose sync failed: it stays after 予約転記済チェック, as in the manual. */
export function SyncFailedIcon({ r }: { r: Pick<ReservationView, "syncState"> }) {
  if (r.syncState !== "failed") return null;
  return (
    <span class="sync-x" role="img" aria-label="連携失敗">
      ×
    </span>
  );
}

/** 連携状況: 成功, 失敗(reason) with what staff do about it, or 送信待ち. A partial: 変更する swaps it. */
export function SyncStatus({ r, csrfToken, flash }: { r: ReservationView; csrfToken: string; flash?: string | null }) {
  return (
    <div id={`sync-status-${r.id}`} class="sync-status">
      <SyncText r={r} />
      {r.syncState === "failed" && r.origin === "app" && (
        <form method="post" action={`/reservations/${r.id}/transcription`} hx-post={`/reservations/${r.id}/transcription`} hx-target={`#sync-status-${r.id}`} hx-swap="outerHTML" class="transcription">
          <CsrfInput token={csrfToken} />
          <input type="checkbox" id={`transcribed-${r.id}`} name="transcribed" value="1" checked={r.transcribedAt !== null} />
          <label for={`transcribed-${r.id}`}>予約転記済チェック</label>
          <button type="submit">変更する</button>
        </form>
      )}
      {r.syncState === "failed" && r.status === "provisional" && (
        <a class="button" href={`/reservations/${r.id}/registration`}>
          予約を転記する
        </a>
      )}
      {flash && (
        <span class="flash-inline" role="status">
          {flash}
        </span>
      )}
    </div>
  );
}

function SyncText({ r }: { r: ReservationView }) {
  switch (r.syncState) {
    case "ok":
      return <span class="sync ok">成功{r.salonboardNo && r.origin === "app" ? `（SALON BOARD予約番号：${r.salonboardNo}）` : ""}</span>;
    case "pending":
      return <span class="sync pending">送信待ち</span>;
    case "failed":
      return (
        <span class="sync failed">
          <SyncFailedIcon r={r} />
          失敗（{r.syncError ?? "理由不明"}）
        </span>
      );
    default:
      return <span class="muted">{r.origin === "salonboard" ? "SALON BOARDから受信" : "連携なし"}</span>;
  }
}
