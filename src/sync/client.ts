// The SALON BOARD connector's answers as values (../shared/salonboard-api.md): ok,
// permanent (with the Japanese reason staff see) or transient (retry later). Nothing
// the peer does (a hang, a reset, a huge or broken body) becomes an exception.

export type PeerAnswer =
  | { kind: "ok"; status: number; body: Record<string, unknown> }
  | { kind: "permanent"; status: number; code: string; message: string }
  | { kind: "transient"; message: string };

export interface Connector {
  url: string;
  token: string;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
/** Larger answers are refused: no correct connector sends one. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

async function readLimited(res: Response): Promise<string | null> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function errorOf(body: unknown): { code: string; message: string } | null {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!e || typeof e.code !== "string") return null;
  return { code: e.code, message: typeof e.message === "string" && e.message ? e.message : e.code };
}

export async function callSalonBoard(
  connector: Connector,
  method: "GET" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<PeerAnswer> {
  let res: Response;
  let text: string | null;
  try {
    // The timeout covers the whole answer, body included: a slow peer cannot hold us.
    const signal = AbortSignal.timeout(timeoutMs);
    res = await fetch(`${connector.url.replace(/\/+$/, "")}${path}`, {
      method,
      signal,
      headers: { Authorization: `Bearer ${connector.token}`, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    text = await readLimited(res);
  } catch (e) {
    const name = (e as Error).name;
    return { kind: "transient", message: name === "TimeoutError" || name === "AbortError" ? "SALON BOARDからの応答がありません（タイムアウト）" : "SALON BOARDに接続できません" };
  }
  if (text === null) return { kind: "transient", message: "SALON BOARDの応答が大きすぎます" };
  let parsed: unknown = null;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (res.status === 429 || res.status >= 500) return { kind: "transient", message: errorOf(parsed)?.message ?? `SALON BOARDで一時的なエラーが発生しました（${res.status}）` };
  if (res.status >= 200 && res.status < 300) {
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { kind: "transient", message: "SALON BOARDの応答が正しくありません" };
    return { kind: "ok", status: res.status, body: parsed as Record<string, unknown> };
  }
  const err = errorOf(parsed);
  if (res.status === 401) return { kind: "permanent", status: 401, code: "UNAUTHORIZED", message: err?.message ?? "SALON BOARDの認証情報が正しくありません" };
  return { kind: "permanent", status: res.status, code: err?.code ?? "INVALID", message: err?.message ?? `SALON BOARDが予約を受け付けませんでした（${res.status}）` };
}
