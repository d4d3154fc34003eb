import { and, eq } from 'drizzle-orm';
import { recordAuthEvent } from '../../auth/auth-events.ts';
import { checkTotpCode, lockPerson, replaceRecoveryCodes } from '../../auth/second-factor.ts';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { Refused } from './code-attempt.ts';

export interface ConfirmSecondFactorOptions {
  key: Buffer;
  /** The first code the authenticator app shows. */
  code: string;
  now: Date;
}

/**
 * Turns the second factor on with the first code of the secret being set up: from now on the
 * person's sign-ins ask for a code. Returns ten new recovery codes, shown this once (only their
 * hashes are kept), or the refusal of a wrong code. Audited as second_factor_enabled.
 */
export async function confirmSecondFactor(
  tx: Transaction,
  person: { tenantId: string; userId: string },
  { key, code, now }: ConfirmSecondFactorOptions,
): Promise<{ recoveryCodes: string[]; step: number } | Refused> {
  const row = await lockPerson(tx, person);
  if (row.totpEnabledAt !== null) {
    throw new AppError(
      'not_yet',
      localize((m) => m.secondFactor.alreadyEnabled),
    );
  }
  if (row.sealedTotpSecret === null) {
    throw new AppError(
      'not_yet',
      localize((m) => m.secondFactor.notStarted),
    );
  }
  const checked = await checkTotpCode(tx, { ...person, sealedSecret: row.sealedTotpSecret }, { key, code, now });
  if ('refused' in checked) return { refused: checked.refused, path: 'code' };
  await tx
    .update(users)
    .set({ totpEnabledAt: now })
    .where(and(eq(users.tenantId, person.tenantId), eq(users.id, person.userId)));
  const recoveryCodes = await replaceRecoveryCodes(tx, person, now);
  await recordAuthEvent(tx, {
    ...person,
    operation: 'second_factor_enabled',
    details: { method: 'totp', totpStep: checked.step, recoveryCodes: recoveryCodes.length },
  });
  return { recoveryCodes, step: checked.step };
}
