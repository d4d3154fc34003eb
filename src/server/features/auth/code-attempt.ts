import type { SignInLimits } from '../../auth/auth-settings.ts';
import { recordAuthEvent } from '../../auth/auth-events.ts';
import type { CodeRefusal } from '../../auth/second-factor.ts';
import { releaseSignInAttempt, reserveSignInAttempt } from '../../auth/sign-in.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { codeRefused } from './second-factor-rules.ts';

/** A code that was not accepted, as a use case's transaction reports it. */
export interface Refused {
  refused: CodeRefusal | 'wrong_recovery_code' | 'wrong_password';
  /** The field the code (or password) came in. */
  path: 'code' | 'recoveryCode' | 'password';
  /** At sign-in: how many more codes the challenge takes; 0 ends it. */
  triesLeft?: number;
}

export interface CodeAttemptContext {
  /** The client's IP address, or null when unknown. */
  clientAddress: string | null;
  /** The sign-in limits: guessing a code is held to them, as guessing a password is. */
  limits: SignInLimits;
  now: Date;
  /** Where the code was given, recorded with a failure (sign_in, enrolment, recovery_codes, turn_off). */
  during: 'sign_in' | 'sign_in_enrolment' | 'enrolment' | 'recovery_codes' | 'turn_off';
}

/**
 * Runs a step that takes a code (TOTP or recovery) under the sign-in limits: the attempt is
 * reserved before the code is checked (429 after too many failures of the account or the
 * address) and counts as a failure unless the code was right. `run` works in one transaction
 * and reports a wrong code instead of throwing, so that whatever it wrote about the failure
 * (a challenge's count) commits; the failure is audited, then refused at its field.
 */
export async function attemptWithCode<Result extends object>(
  db: Database,
  person: { tenantId: string; userId: string; email: string | null },
  context: CodeAttemptContext,
  run: (tx: Transaction) => Promise<Result>,
): Promise<Exclude<Result, Refused>> {
  const reservationId = await reserveSignInAttempt(
    db,
    { email: (person.email ?? `user:${person.userId}`).toLowerCase(), clientAddress: context.clientAddress },
    context.limits,
    context.now,
  );
  const result = await db.transaction(run);
  if ('refused' in result) {
    const refusal = result as unknown as Refused;
    await recordAuthEvent(db, {
      tenantId: person.tenantId,
      userId: person.userId,
      operation: 'second_factor_failed',
      details: { reason: refusal.refused, during: context.during },
      actor: context.during.startsWith('sign_in') ? 'sign-in' : 'person',
    });
    if (refusal.triesLeft === 0) {
      throw new AppError(
        'unauthenticated',
        localize((m) => m.secondFactor.tooManyCodes),
      );
    }
    throw codeRefused(refusal.refused, refusal.path, refusal.triesLeft);
  }
  await releaseSignInAttempt(db, reservationId);
  return result as Exclude<Result, Refused>;
}
