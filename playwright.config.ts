import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3111);
/** The bundled SALON BOARD simulator of the e2e server: specs drive it through /_sim/. */
export const SIM_PORT = PORT + 1;

// Debian's Chromium, never a downloaded browser: these machines have no internet.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? "list" : "line",
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1024, height: 768 },
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "retain-on-failure",
  },
  webServer: {
    command: "npx tsx tests/e2e/serve.ts",
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_PATH: "test-results/e2e/tsunagu.db",
      ADMIN_LOGIN_ID: "admin",
      ADMIN_PASSWORD: "e2e-admin-password",
      SEED_DEMO: "1",
      SALONBOARD_SIM_PORT: String(SIM_PORT),
      SYNC_INTERVAL_MS: "500",
      NOTICE_POLL_SECONDS: "1",
    },
  },
});
