import { and, eq } from 'drizzle-orm';
import { recordAuthEvent } from '../../auth/auth-events.ts';
import type { AuthSettings } from '../../auth/auth-settings.ts';
import { checkTotpCode, lockPerson, requireServerKey, useRecoveryCode } from '../../auth/second-factor.ts';
import {
  countChallengeFailure,
  endChallenge,
  openChallenge,
  type OpenChallenge,
} from '../../auth/sign-in-challenges.ts';
import { openSession } from '../../auth/sign-in-steps.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { attemptWithCode, type Refused } from './code-attempt.ts';
import { confirmSecondFactor } from './confirm-second-factor.ts';
import { startSecondFactor } from './start-second-factor.ts';

export interface SecondStepContext {
  /** The challenge's secret, from its cookie. */
  secret: string | undefined;
  now: Date;
  clientAddress: string | null;
  settings: AuthSettings;
  /** The server key (null when none is configured). */
  key: Buffer | null;
}

/** The person of an open challenge, read before the attempt (the sign-in limits count by their address). */
async function challengePerson(db: Database, secret: string | undefined, step: 'verify' | 'enrol', now: Date) {
  const challenge = await db.transaction((tx) => openChallenge(tx, secret, step, now));
  const [person] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.tenantId, challenge.tenantId), eq(users.id, challenge.userId)));
  return { tenantId: challenge.tenantId, userId: challenge.userId, email: person?.email ?? null };
}

/** A wrong code counts against the challenge too; the fifth ends it. */
async function refuse(tx: Transaction, challenge: OpenChallenge, refusal: Omit<Refused, 'triesLeft'>, now: Date) {
  return { ...refusal, triesLeft: await countChallengeFailure(tx, challenge, now) };
}

/**
 * The second step of a sign-in: a TOTP code (of the present 30 seconds or the ones before and
 * after, never one used before) or one of the person's recovery codes (each works once). A
 * right one ends the challenge and opens the session; wrong ones are counted against the
 * challenge (five end it) and the sign-in limits, and audited.
 */
export async function completeSignIn(
  db: Database,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  context: SecondStepContext,
) {
  const { now } = context;
  const person = await challengePerson(db, context.secret, 'verify', now);
  return attemptWithCode(
    db,
    person,
    { clientAddress: context.clientAddress, limits: context.settings.signIn, now, during: 'sign_in' },
    async (tx) => {
      const challenge = await openChallenge(tx, context.secret, 'verify', now);
      const row = await lockPerson(tx, challenge);
      let details: Record<string, unknown>;
      if (input.recoveryCode !== undefined) {
        if (!(await useRecoveryCode(tx, person, input.recoveryCode, now))) {
          return refuse(tx, challenge, { refused: 'wrong_recovery_code', path: 'recoveryCode' }, now);
        }
        await recordAuthEvent(tx, { ...person, operation: 'recovery_code_used' });
        details = { method: 'password', secondFactor: 'recovery_code' };
      } else {
        const key = requireServerKey(context.key);
        const checked =
          row.totpEnabledAt === null || row.sealedTotpSecret === null
            ? ({ refused: 'wrong_code' } as const)
            : await checkTotpCode(
                tx,
                { ...person, sealedSecret: row.sealedTotpSecret },
                {
                  key,
                  code: input.code ?? '',
                  now,
                },
              );
        if ('refused' in checked) return refuse(tx, challenge, { refused: checked.refused, path: 'code' }, now);
        details = { method: 'password', secondFactor: 'totp', totpStep: checked.step };
      }
      await endChallenge(tx, challenge, now);
      // In the transaction that accepted the code: the sign-in's event records the code's step.
      const session = await openSession(tx, person, { now, lifetime: context.settings.session, details });
      return { tenantId: person.tenantId, userId: person.userId, session };
    },
  );
}

/**
 * An administrator whose tenant requires a second factor, and who has none, sets one up during
 * the sign-in: this starts it (a new secret, not yet active) under the sign-in's challenge.
 */
export async function startEnrolmentAtSignIn(db: Database, context: Pick<SecondStepContext, 'secret' | 'now' | 'key'>) {
  const key = requireServerKey(context.key);
  return db.transaction(async (tx) => {
    const challenge = await openChallenge(tx, context.secret, 'enrol', context.now);
    return startSecondFactor(tx, challenge, { key });
  });
}

/**
 * Confirms the second factor being set up during the sign-in with its first code: turns it on,
 * ends the challenge and opens the session. Returns the session and the ten recovery codes.
 */
export async function confirmEnrolmentAtSignIn(db: Database, code: string, context: SecondStepContext) {
  const { now } = context;
  const key = requireServerKey(context.key);
  const person = await challengePerson(db, context.secret, 'enrol', now);
  return attemptWithCode(
    db,
    person,
    { clientAddress: context.clientAddress, limits: context.settings.signIn, now, during: 'sign_in_enrolment' },
    async (tx) => {
      const challenge = await openChallenge(tx, context.secret, 'enrol', now);
      const confirmed = await confirmSecondFactor(tx, challenge, { key, code, now });
      if ('refused' in confirmed) return refuse(tx, challenge, confirmed, now);
      await endChallenge(tx, challenge, now);
      const session = await openSession(tx, person, {
        now,
        lifetime: context.settings.session,
        details: { method: 'password', secondFactor: 'totp', totpStep: confirmed.step },
      });
      return { tenantId: person.tenantId, userId: person.userId, session, recoveryCodes: confirmed.recoveryCodes };
    },
  );
}
