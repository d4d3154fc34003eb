import { and, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../db/client.ts';
import { signInChallenges } from '../db/schema/second-factor.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import { hashSecret, newSecret } from './secrets.ts';

/**
 * A sign-in half done: the password was right, and a code (or, for an administrator the tenant
 * requires it of, setting up a second factor) is still to come. The browser holds the
 * challenge's secret in an HttpOnly cookie, out of reach of the page's scripts; the database
 * only its hash. It lives five minutes, ends after five wrong codes, and is used once.
 */

/** The cookie that carries the challenge's secret between the password step and the code. */
export const SIGN_IN_CHALLENGE_COOKIE = 'uppsikt_sign_in';
/** How long a person has for the second step. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** Wrong codes a challenge takes before it ends (the sign-in limits count them too). */
export const CHALLENGE_MAX_FAILURES = 5;

export type ChallengeStep = 'verify' | 'enrol';

export interface NewChallenge {
  /** Goes into the cookie and nowhere else. */
  secret: string;
  step: ChallengeStep;
  expiresAt: Date;
}

/** Starts the second step of a sign-in for a person whose password was right. */
export async function createChallenge(
  db: Database,
  person: { tenantId: string; userId: string },
  step: ChallengeStep,
  now: Date,
): Promise<NewChallenge> {
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + CHALLENGE_LIFETIME_MS);
  await db.insert(signInChallenges).values({
    tenantId: person.tenantId,
    userId: person.userId,
    secretHash: hashSecret(secret),
    step,
    createdAt: now,
    expiresAt,
  });
  return { secret, step, expiresAt };
}

export interface OpenChallenge {
  tenantId: string;
  id: string;
  userId: string;
  step: ChallengeStep;
  failures: number;
  expiresAt: Date;
}

/**
 * The open challenge the cookie names, locked for the rest of the transaction (two codes sent at
 * once are checked one after the other), or a 401 telling the person to start again: unknown,
 * used, expired, ended by too many wrong codes, or of another step than the one asked for.
 */
export async function openChallenge(
  tx: Transaction,
  secret: string | undefined,
  step: ChallengeStep,
  now: Date,
): Promise<OpenChallenge> {
  const [row] = secret
    ? await tx
        .select()
        .from(signInChallenges)
        .where(eq(signInChallenges.secretHash, hashSecret(secret)))
        .for('update')
    : [];
  if (
    !row ||
    row.usedAt !== null ||
    row.expiresAt.getTime() <= now.getTime() ||
    row.failures >= CHALLENGE_MAX_FAILURES ||
    row.step !== step
  ) {
    throw new AppError(
      'unauthenticated',
      localize((m) => m.secondFactor.challengeEnded),
    );
  }
  return {
    tenantId: row.tenantId,
    id: row.id,
    userId: row.userId,
    step: row.step,
    failures: row.failures,
    expiresAt: row.expiresAt,
  };
}

/** Counts a wrong code against the challenge; the fifth ends it. Returns how many tries are left. */
export async function countChallengeFailure(db: Database, challenge: OpenChallenge, now: Date): Promise<number> {
  const failures = challenge.failures + 1;
  await db
    .update(signInChallenges)
    .set({ failures, ...(failures >= CHALLENGE_MAX_FAILURES ? { usedAt: now } : {}) })
    .where(and(eq(signInChallenges.tenantId, challenge.tenantId), eq(signInChallenges.id, challenge.id)));
  return Math.max(0, CHALLENGE_MAX_FAILURES - failures);
}

/** The challenge did its work: it is never accepted again. */
export async function endChallenge(db: Database, challenge: OpenChallenge, now: Date): Promise<void> {
  await db
    .update(signInChallenges)
    .set({ usedAt: now })
    .where(and(eq(signInChallenges.tenantId, challenge.tenantId), eq(signInChallenges.id, challenge.id)));
}
