import { serve } from "@hono/node-server";
import { buildDeps, createApp } from "./app";
import { loadConfig } from "./config";
import { openDatabase } from "./db/client";
import { prepareFirstStart } from "./domain/bootstrap";
import { systemClock } from "./lib/clock";

const config = loadConfig();
const db = openDatabase(config.databasePath);
const firstStart = await prepareFirstStart(db, config, systemClock);
const deps = buildDeps(db, systemClock, config);
const app = createApp(deps);

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const url = config.publicOrigin ?? `http://${info.address === "::1" ? "[::1]" : info.address}:${info.port}`;
  console.log(`${config.appName} を起動しました: ${url}`);
  console.log(`データベース: ${config.databasePath}`);
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
    db.$client.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
