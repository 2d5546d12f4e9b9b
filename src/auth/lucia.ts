import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { Db } from "../db/client";
import { sessions, users, type Role } from "../db/schema";
import type { Clock } from "../lib/clock";

export interface SessionPolicy {
  idleTimeoutMs: number;
  absoluteLifetimeMs: number;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Lucia hands this adapter the raw token from the cookie as the "session id"; the
 * adapter is the only code that touches the table, and it stores and looks up the
 * token's SHA-256 only. It also enforces the idle timeout and the absolute lifetime on
 * the app's clock, then reports the remaining time to Lucia on Lucia's own clock.
 */
class HashedSessionAdapter implements Adapter {
  /** Run on every request: compiled once. */
  private readonly sessionAndUser;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {
    this.sessionAndUser = db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, sql.placeholder("tokenHash")))
      .prepare();
  }

  async getSessionAndUser(token: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const tokenHash = hashToken(token);
    const row = this.sessionAndUser.get({ tokenHash });
    if (!row) return [null, null];
    const now = this.clock().getTime();
    const expiresAt = Math.min(
      row.session.lastSeenAt.getTime() + this.policy.idleTimeoutMs,
      row.session.createdAt.getTime() + this.policy.absoluteLifetimeMs,
    );
    if (now >= expiresAt || !row.user.active) {
      this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
      return [null, null];
    }
    const session: DatabaseSession = {
      id: token,
      userId: row.user.id,
      expiresAt: new Date(Date.now() + (expiresAt - now)),
      attributes: {
        csrfToken: row.session.csrfToken,
        createdAt: row.session.createdAt,
        lastSeenAt: row.session.lastSeenAt,
      },
    };
    const user: DatabaseUser = {
      id: row.user.id,
      attributes: {
        salonId: row.user.salonId,
        loginId: row.user.loginId,
        displayName: row.user.displayName,
        role: row.user.role,
      },
    };
    return [session, user];
  }

  async getUserSessions(userId: number): Promise<DatabaseSession[]> {
    // Only the hashes are stored, so the tokens cannot be given back; Tsunagu never asks.
    void userId;
    return [];
  }

  async setSession(session: DatabaseSession): Promise<void> {
    this.db
      .insert(sessions)
      .values({
        tokenHash: hashToken(session.id),
        userId: session.userId,
        csrfToken: session.attributes.csrfToken,
        createdAt: session.attributes.createdAt,
        lastSeenAt: session.attributes.lastSeenAt,
      })
      .run();
  }

  async updateSessionExpiration(): Promise<void> {
    // Expiry is derived from last_seen_at and created_at, which touchSession keeps.
  }

  async deleteSession(token: string): Promise<void> {
    this.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).run();
  }

  async deleteUserSessions(userId: number): Promise<void> {
    this.db.delete(sessions).where(eq(sessions.userId, userId)).run();
  }

  async deleteExpiredSessions(): Promise<void> {
    const now = this.clock().getTime();
    this.db.$client
      .prepare("DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?")
      .run(now - this.policy.idleTimeoutMs, now - this.policy.absoluteLifetimeMs);
  }
}

export const SESSION_COOKIE = "tsunagu_session";

export function createLucia(db: Db, clock: Clock, policy: SessionPolicy) {
  return new Lucia(new HashedSessionAdapter(db, clock, policy), {
    sessionExpiresIn: new TimeSpan(policy.absoluteLifetimeMs / 1000, "s"),
    sessionCookie: { name: SESSION_COOKIE, attributes: { sameSite: "lax" } },
    getSessionAttributes: (a) => ({ csrfToken: a.csrfToken, lastSeenAt: a.lastSeenAt }),
    getUserAttributes: (a) => ({
      salonId: a.salonId,
      loginId: a.loginId,
      displayName: a.displayName,
      role: a.role,
    }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

export function newCsrfToken(): string {
  return randomBytes(32).toString("base64url");
}

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    UserId: number;
    DatabaseSessionAttributes: { csrfToken: string; createdAt: Date; lastSeenAt: Date };
    DatabaseUserAttributes: { salonId: number; loginId: string; displayName: string; role: Role };
  }
}
