import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { sessions } from '../db/schema/sessions.ts';
import { users } from '../db/schema/users.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'uppsikt_session';
/** A session ends after this long without use. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

export interface NewSession {
  /** Goes into the cookie and nowhere else. */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session for a person who has just proved who they are. */
export async function createSession(db: Database, tenantId: string, userId: string, now: Date): Promise<NewSession> {
  const secret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db.insert(sessions).values({ tenantId, userId, secretHash: hashSecret(secret), csrfToken, expiresAt, createdAt: now });
  return { secret, csrfToken, expiresAt };
}

export interface ActiveSession {
  tenantId: string;
  id: string;
  userId: string;
  csrfToken: string;
}

/**
 * The live session a cookie names, or null: unknown, expired, signed out, or its person
 * deactivated since. Extends the session when half its idle time has passed, so that an
 * active person stays signed in without a write on every request.
 */
export async function findSession(db: Database, secret: string, now: Date): Promise<ActiveSession | null> {
  const [row] = await db
    .select({ tenantId: sessions.tenantId, id: sessions.id, userId: sessions.userId, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.secretHash, hashSecret(secret)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), isNull(users.deactivatedAt)));
  if (!row) return null;
  if (row.expiresAt.getTime() - now.getTime() < SESSION_IDLE_MS / 2) {
    await db
      .update(sessions)
      .set({ expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) })
      .where(and(eq(sessions.tenantId, row.tenantId), eq(sessions.id, row.id)));
  }
  return { tenantId: row.tenantId, id: row.id, userId: row.userId, csrfToken: row.csrfToken };
}

/** Ends a session (sign-out); it is never accepted again. */
export async function revokeSession(db: Database, session: { tenantId: string; id: string }): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tenantId, session.tenantId), eq(sessions.id, session.id)));
}
