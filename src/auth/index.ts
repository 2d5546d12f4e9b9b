import { randomBytes } from "node:crypto";
import { and, count, eq, gt, lte } from "drizzle-orm";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { loginFailures, users } from "../db/schema";
import type { Clock } from "../lib/clock";
import { createLucia, hashToken, newCsrfToken, SESSION_COOKIE } from "./lucia";
import { verifyPassword } from "./passwords";

export const THROTTLE_WINDOW_MS = 3 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 10;
/** last_seen_at is written at most this often, so page views do not all write. */
const TOUCH_EVERY_MS = 60 * 1000;

export type SignInResult =
  | { ok: true; token: string }
  | { ok: false; reason: "invalid" | "throttled" };

export function normalizeLoginId(loginId: string): string {
  return loginId.normalize("NFKC").trim().toLowerCase();
}

export function createAuth(db: Db, clock: Clock, config: Config) {
  const lucia = createLucia(db, clock, {
    idleTimeoutMs: config.idleTimeoutMinutes * 60 * 1000,
    absoluteLifetimeMs: config.absoluteLifetimeHours * 60 * 60 * 1000,
  });

  function recentFailures(loginId: string, ip: string, now: number): number {
    const row = db
      .select({ n: count() })
      .from(loginFailures)
      .where(
        and(
          eq(loginFailures.loginId, loginId),
          eq(loginFailures.ip, ip),
          gt(loginFailures.failedAt, new Date(now - THROTTLE_WINDOW_MS)),
        ),
      )
      .get();
    return row?.n ?? 0;
  }

  function forgetFailures(loginId: string, ip: string, before: number): void {
    db.delete(loginFailures)
      .where(and(eq(loginFailures.loginId, loginId), eq(loginFailures.ip, ip), lte(loginFailures.failedAt, new Date(before))))
      .run();
  }

  return {
    lucia,
    cookieName: SESSION_COOKIE,

    /** Signs in with a login id and password; always a new session on success. */
    async signIn(input: { loginId: string; password: string; ip: string }): Promise<SignInResult> {
      const loginId = normalizeLoginId(input.loginId);
      const now = clock().getTime();
      if (recentFailures(loginId, input.ip, now) >= THROTTLE_MAX_FAILURES) return { ok: false, reason: "throttled" };

      const user = db.select().from(users).where(eq(users.loginId, loginId)).get();
      const candidate = user?.active ? user : undefined;
      const valid = await verifyPassword(candidate?.passwordHash ?? null, input.password);
      if (!candidate || !valid) {
        forgetFailures(loginId, input.ip, now - THROTTLE_WINDOW_MS);
        db.insert(loginFailures).values({ loginId, ip: input.ip, failedAt: new Date(now) }).run();
        return { ok: false, reason: "invalid" };
      }
      forgetFailures(loginId, input.ip, now);
      const token = randomBytes(32).toString("base64url");
      await lucia.createSession(
        candidate.id,
        { csrfToken: newCsrfToken(), createdAt: new Date(now), lastSeenAt: new Date(now) },
        { sessionId: token },
      );
      return { ok: true, token };
    },

    /** The signed-in user of a token, or nulls when it is unknown or has expired. */
    async validate(token: string, options: { touch: boolean }) {
      const result = await lucia.validateSession(token);
      if (result.session && options.touch) {
        const now = clock().getTime();
        if (now - result.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
          db.$client
            .prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")
            .run(now, hashToken(token));
        }
      }
      return result;
    },

    signOut(token: string): Promise<void> {
      return lucia.invalidateSession(token);
    },

    /** Ends every session of a user: after a password change or deactivation. */
    signOutEverywhere(userId: number): Promise<void> {
      return lucia.invalidateUserSessions(userId);
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;
