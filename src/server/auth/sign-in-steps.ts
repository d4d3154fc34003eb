import type { Database } from '../db/client.ts';
import type { SessionLifetime } from './auth-settings.ts';
import { recordAuthEvent } from './auth-events.ts';
import { secondFactorState } from './second-factor.ts';
import { createChallenge, type NewChallenge } from './sign-in-challenges.ts';
import { createSession, type NewSession } from './sessions.ts';
import { forgetSignInFailures } from './sign-in.ts';

/** How a person proved who they are at the first step: with their password, or with a one-time link that set it. */
export type FirstStepMethod = 'password' | 'one_time_link';

/** After the first step: a session, or a second step still to take (a code, or setting up a second factor). */
export type FirstStepOutcome =
  | { kind: 'session'; tenantId: string; userId: string; session: NewSession }
  | { kind: 'challenge'; tenantId: string; userId: string; challenge: NewChallenge };

/**
 * What follows a right password: a person with a second factor gives a code next; an
 * administrator without one, whose tenant requires it, sets one up next; anyone else is signed
 * in at once. No session opens before the second step is done.
 */
export async function afterFirstStep(
  db: Database,
  person: { tenantId: string; userId: string; email?: string | null },
  options: { now: Date; lifetime: SessionLifetime; method: FirstStepMethod },
): Promise<FirstStepOutcome> {
  const { enabled, required } = await secondFactorState(db, person);
  if (enabled || required) {
    const challenge = await createChallenge(db, person, enabled ? 'verify' : 'enrol', options.now);
    return { kind: 'challenge', tenantId: person.tenantId, userId: person.userId, challenge };
  }
  const session = await openSession(db, person, { ...options, details: { method: options.method } });
  return { kind: 'session', tenantId: person.tenantId, userId: person.userId, session };
}

/**
 * Opens the session at the end of a sign-in, forgets the account's failed attempts, and records
 * the sign-in with how it was made (`details`: the method, and the step of a TOTP code used).
 */
export async function openSession(
  db: Database,
  person: { tenantId: string; userId: string; email?: string | null },
  options: { now: Date; lifetime: SessionLifetime; details: Record<string, unknown> },
): Promise<NewSession> {
  if (person.email) await forgetSignInFailures(db, person.email);
  const session = await createSession(db, person.tenantId, person.userId, options.now, options.lifetime);
  await recordAuthEvent(db, {
    tenantId: person.tenantId,
    userId: person.userId,
    operation: 'sign_in',
    details: options.details,
  });
  return session;
}
