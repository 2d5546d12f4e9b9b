import type { DeletionRecord } from "../../src/domain/customer-list";
import { formatDateTime } from "../../src/lib/jst";
import { SettingsHeader } from "./index";

/** お客様の削除履歴: when, who, how many, which お客様番号; never names. */
export function DeletionLog({ records }: { records: DeletionRecord[] }) {
  return (
    <section class="panel">
      <SettingsHeader title="お客様の削除履歴" />
      <h1>お客様の削除履歴</h1>
      <p class="hint">削除したお客様の氏名・電話番号・メールは残りません。記録はお客様番号と件数だけです。</p>
      {records.length === 0 ? (
        <p class="empty">削除の記録はありません。</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">操作したユーザー</th>
              <th scope="col">削除の方法</th>
              <th scope="col">件数</th>
              <th scope="col">お客様番号</th>
              <th scope="col">キャンセルした予約</th>
              <th scope="col">解約した定額プラン</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr>
                <td class="nowrap">{formatDateTime(r.deletedAt)}</td>
                <td>{r.deletedBy ?? "—"}</td>
                <td>{r.reason === "bulk" ? "一括削除" : "個別削除"}</td>
                <td class="num">{r.count}件</td>
                <td>{r.customerNos.join(", ")}</td>
                <td class="num">{r.cancelledReservations}件</td>
                <td class="num">{r.endedContracts}件</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
