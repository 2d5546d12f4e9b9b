import { serve } from "@hono/node-server";
import { buildDeps, createApp } from "./app";
import { loadConfig } from "./config";
import { openDatabase } from "./db/client";
import { prepareFirstStart } from "./domain/bootstrap";
import { systemClock } from "./lib/clock";
import { startBundledSalonBoard } from "./salonboard-sim/bundled";
import type { RunningSim } from "./salonboard-sim/server";
import { connectSalon, findConnection } from "./sync/connections";
import { DEFAULT_RETRY } from "./sync/outbound";
import { startSyncRunner } from "./sync/runner";

const config = loadConfig();
const db = openDatabase(config.databasePath);
const firstStart = await prepareFirstStart(db, config, systemClock);
const deps = buildDeps(db, systemClock, config);
const app = createApp(deps);

// SALON BOARD: the connector of SALONBOARD_URL, or the bundled simulator for the demo salon.
const firstSalon = db.$client.prepare("SELECT id FROM salons ORDER BY id LIMIT 1").get() as { id: number } | undefined;
let simulator: RunningSim | null = null;
if (firstSalon && config.salonboardUrl) {
  if (!findConnection(db, firstSalon.id)) connectSalon(db, firstSalon.id, { url: config.salonboardUrl, token: config.salonboardToken ?? "", enabled: true });
} else if (firstSalon && config.seedDemo) {
  simulator = await startBundledSalonBoard(db, systemClock, firstSalon.id, config.salonboardSimPort);
}
const runner = startSyncRunner(db, systemClock, {
  pullIntervalMs: config.syncIntervalMs,
  pushPollMs: config.sync.pushPollMs,
  concurrency: config.sync.concurrency,
  retry: { ...DEFAULT_RETRY, timeoutMs: config.sync.timeoutMs, baseDelayMs: config.sync.retryBaseMs, maxDelayMs: config.sync.retryMaxMs },
});

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const url = config.publicOrigin ?? `http://${info.address === "::1" ? "[::1]" : info.address}:${info.port}`;
  console.log(`${config.appName} を起動しました: ${url}`);
  console.log(`データベース: ${config.databasePath}`);
  if (simulator) console.log(`SALON BOARD: 同梱のシミュレーター ${simulator.url}（デモサロンに接続）`);
  if (firstStart) {
    console.log(`「${firstStart.salonName}」と管理者アカウントを作成しました。`);
    console.log(`  ログインID: ${firstStart.loginId}`);
    if (firstStart.generatedPassword) {
      console.log(`  パスワード: ${firstStart.generatedPassword}`);
      console.log("  （このパスワードは今回だけ表示されます。ログイン後、設定 → ユーザー で変更できます。）");
    } else {
      console.log("  パスワード: ADMIN_PASSWORD に指定したもの");
    }
  } else {
    console.log("ログインIDとパスワードでログインしてください。");
  }
});

// Expired sessions and old login failures are removed hourly, not on every request.
const sweep = setInterval(() => void deps.auth.lucia.deleteExpiredSessions(), 60 * 60 * 1000);
sweep.unref();

function shutdown() {
  clearInterval(sweep);
  server.close(() => {
    void runner
      .stop()
      .then(() => simulator?.close())
      .finally(() => {
        db.$client.close();
        process.exit(0);
      });
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
