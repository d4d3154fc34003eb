import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { DEFAULT_AUTH_SETTINGS, type SessionLifetime } from './auth-settings.ts';
import { sessions } from '../db/schema/sessions.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'uppsikt_session';

/** How often, at most, a session's idle deadline is pushed forward: spares a write on every request. */
const SLIDE_STEP_MS = 60_000;

export interface NewSession {
  /** Goes into the cookie and nowhere else. */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Starts a session for a person who has just proved who they are. `expiresAt` is the idle
 * deadline: pushed forward as the session is used, never past `createdAt` + the maximum.
 */
export async function createSession(
  db: Database,
  tenantId: string,
  userId: string,
  now: Date,
  lifetime: SessionLifetime = DEFAULT_AUTH_SETTINGS.session,
  /** The identity provider the person signed in through, if any. */
  providerId: string | null = null,
): Promise<NewSession> {
  const secret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + Math.min(lifetime.idleMs, lifetime.maxMs));
  await db
    .insert(sessions)
    .values({ tenantId, userId, secretHash: hashSecret(secret), csrfToken, expiresAt, createdAt: now, providerId });
  return { secret, csrfToken, expiresAt };
}

export interface ActiveSession {
  tenantId: string;
  id: string;
  userId: string;
  csrfToken: string;
  /** The identity provider the person signed in through; null for a password or a link. */
  providerId: string | null;
}

/**
 * The live session a cookie names, or null: unknown, idle too long, past its maximum age,
 * signed out, ended by a password change, its person deactivated or its tenant suspended since. Each use pushes
 * the idle deadline forward (at most once a minute, to spare writes), never past the maximum.
 */
export async function findSession(
  db: Database,
  secret: string,
  now: Date,
  lifetime: SessionLifetime = DEFAULT_AUTH_SETTINGS.session,
): Promise<ActiveSession | null> {
  const bornAfter = new Date(now.getTime() - lifetime.maxMs);
  const [row] = await db
    .select({
      tenantId: sessions.tenantId,
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      providerId: sessions.providerId,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(
      and(
        eq(sessions.secretHash, hashSecret(secret)),
        isNull(tenants.suspendedAt),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.createdAt, bornAfter),
        isNull(users.deactivatedAt),
      ),
    );
  if (!row) return null;
  const slidTo = Math.min(now.getTime() + lifetime.idleMs, row.createdAt.getTime() + lifetime.maxMs);
  if (slidTo - row.expiresAt.getTime() >= SLIDE_STEP_MS) {
    await db
      .update(sessions)
      .set({ expiresAt: new Date(slidTo) })
      .where(and(eq(sessions.tenantId, row.tenantId), eq(sessions.id, row.id)));
  }
  return {
    tenantId: row.tenantId,
    id: row.id,
    userId: row.userId,
    csrfToken: row.csrfToken,
    providerId: row.providerId,
  };
}

/** Ends a session (sign-out); it is never accepted again. */
export async function revokeSession(db: Database, session: { tenantId: string; id: string }): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tenantId, session.tenantId), eq(sessions.id, session.id)));
}

/**
 * Ends every session of a person, except `keepSessionId` (the one that changed their own
 * password stays signed in). Used when a password changes: whoever knew the old one is out.
 */
export async function revokeSessionsOf(
  db: Database,
  person: { tenantId: string; userId: string },
  keepSessionId?: string,
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.tenantId, person.tenantId),
        eq(sessions.userId, person.userId),
        isNull(sessions.revokedAt),
        keepSessionId === undefined ? undefined : ne(sessions.id, keepSessionId),
      ),
    );
}
