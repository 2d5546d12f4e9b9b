import { count } from "drizzle-orm";
import { hashPassword, generatePassword } from "../auth/passwords";
import { normalizeLoginId } from "../auth";
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { Clock } from "../lib/clock";
import { users } from "../db/schema";
import { seedDemoSalon } from "./demo";
import { createSalon } from "./salons";

export interface FirstStart {
  loginId: string;
  /** Set when the password was generated: shown once, never stored in clear. */
  generatedPassword: string | null;
  salonName: string;
}

/**
 * On the first start (no user at all) creates the salon, デモサロン unless SEED_DEMO=0,
 * and its admin. Returns null on every later start.
 */
export async function prepareFirstStart(db: Db, config: Config, clock: Clock): Promise<FirstStart | null> {
  const existing = db.select({ n: count() }).from(users).get();
  if ((existing?.n ?? 0) > 0) return null;

  const password = config.adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const loginId = normalizeLoginId(config.adminLoginId);
  const salon = config.seedDemo ? seedDemoSalon(db, clock) : createSalon(db, { name: "マイサロン" });
  db.insert(users).values({ salonId: salon.id, loginId, displayName: "管理者", passwordHash, role: "admin" }).run();
  return { loginId, generatedPassword: config.adminPassword ? null : password, salonName: salon.name };
}
