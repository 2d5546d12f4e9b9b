import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/routes/**/*.test.ts", "tests/reliability/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/routes/**/*.test.tsx"],
    env: { TZ: "Asia/Tokyo" },
    testTimeout: 20_000,
    pool: "forks",
  },
});
