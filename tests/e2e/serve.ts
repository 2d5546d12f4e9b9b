// Starts the real server on a new database for the browser tests.
import { rmSync } from "node:fs";
import { dirname } from "node:path";

const path = process.env.DATABASE_PATH;
if (!path || !path.startsWith("test-results/")) throw new Error("DATABASE_PATH must point into test-results/");
rmSync(dirname(path), { recursive: true, force: true });
await import("../../src/server");
