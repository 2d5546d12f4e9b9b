import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database, { type RunResult } from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/**
 * Opens (creating when needed) the database file, sets the pragmas every connection
 * needs and applies pending migrations. `:memory:` gives a private database, for tests.
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // A reservation is money: in WAL mode NORMAL may lose the last commits on power loss.
  sqlite.pragma("synchronous = FULL");
  // A deleted customer's data is overwritten, not left in free pages of the file.
  sqlite.pragma("secure_delete = ON");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  return db;
}

/** The database or a transaction on it: what domain functions that only query take. */
export type Queryable = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, made once per connection: for the hot paths (capacity, schedule).
 * Inside db.transaction() it runs in that transaction: one connection, synchronous.
 */
export function prepared<T = unknown>(db: Db, sql: string): Database.Statement<unknown[], T> {
  const client = db.$client;
  let cache = statements.get(client);
  if (!cache) statements.set(client, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = client.prepare(sql)));
  return stmt as Database.Statement<unknown[], T>;
}

const built = new WeakMap<Database.Database, Map<string, unknown>>();

/** A query built once per connection (drizzle's .prepare() with placeholders): for hot paths that want typed rows. */
export function preparedQuery<T>(db: Db, key: string, build: () => T): T {
  let cache = built.get(db.$client);
  if (!cache) built.set(db.$client, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, build());
  return cache.get(key) as T;
}
