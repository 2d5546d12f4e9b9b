export interface Config {
  appName: string;
  databasePath: string;
  host: string;
  port: number;
  /** The public origin (scheme://host[:port]) when the app sits behind a proxy. */
  publicOrigin: string | null;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  trustProxy: boolean;
  idleTimeoutMinutes: number;
  absoluteLifetimeHours: number;
  seedDemo: boolean;
  adminLoginId: string;
  adminPassword: string | null;
  /** How often ホーム's お知らせ and the schedule's alert ask for changes. */
  noticePollSeconds: number;
  /** The SALON BOARD connector of the first salon; unset: the bundled simulator. */
  salonboardUrl: string | null;
  salonboardToken: string | null;
  /** How often events are pulled from SALON BOARD. */
  syncIntervalMs: number;
  /** The bundled simulator's loopback port (0: any free one). */
  salonboardSimPort: number;
  /** The runner's tuning; the defaults suit a salon. */
  sync: { timeoutMs: number; retryBaseMs: number; retryMaxMs: number; concurrency: number; pushPollMs: number };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicOrigin = env.PUBLIC_ORIGIN ? new URL(env.PUBLIC_ORIGIN).origin : null;
  return {
    appName: env.APP_NAME || "Tsunagu",
    databasePath: env.DATABASE_PATH || "data/tsunagu.db",
    host: env.HOST || "127.0.0.1",
    port: positiveInt(env, "PORT", 3000),
    publicOrigin,
    trustProxy: env.TRUST_PROXY === "1",
    idleTimeoutMinutes: positiveInt(env, "SESSION_IDLE_MINUTES", 60),
    absoluteLifetimeHours: positiveInt(env, "SESSION_LIFETIME_HOURS", 12),
    seedDemo: env.SEED_DEMO !== "0",
    adminLoginId: env.ADMIN_LOGIN_ID || "admin",
    adminPassword: env.ADMIN_PASSWORD || null,
    noticePollSeconds: positiveInt(env, "NOTICE_POLL_SECONDS", 10),
    salonboardUrl: env.SALONBOARD_URL ? env.SALONBOARD_URL.replace(/\/+$/, "") : null,
    salonboardToken: env.SALONBOARD_TOKEN || null,
    syncIntervalMs: positiveInt(env, "SYNC_INTERVAL_MS", 10_000),
    salonboardSimPort: env.SALONBOARD_SIM_PORT ? positiveInt(env, "SALONBOARD_SIM_PORT", 0) : 0,
    sync: {
      timeoutMs: positiveInt(env, "SYNC_TIMEOUT_MS", 5_000),
      retryBaseMs: positiveInt(env, "SYNC_RETRY_BASE_MS", 1_000),
      retryMaxMs: positiveInt(env, "SYNC_RETRY_MAX_MS", 60_000),
      concurrency: positiveInt(env, "SYNC_CONCURRENCY", 4),
      pushPollMs: positiveInt(env, "SYNC_PUSH_POLL_MS", 200),
    },
  };
}
