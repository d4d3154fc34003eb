import { verify } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import { recordAuthEvent } from '../../auth/auth-events.ts';
import { checkTotpCode, lockPerson, retireRecoveryCodes, secondFactorState } from '../../auth/second-factor.ts';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { Refused } from './code-attempt.ts';
import { noSecondFactor } from './second-factor-rules.ts';

export interface TurnOffSecondFactorOptions {
  key: Buffer;
  /** The person's password and a present code: a session left open is not enough. */
  password: string;
  code: string;
  now: Date;
}

/**
 * Turns the person's second factor off: the sealed secret is removed and the recovery codes
 * retired. Refused for an administrator whose tenant requires a second factor of
 * administrators. Audited as second_factor_disabled.
 */
export async function turnOffSecondFactor(
  tx: Transaction,
  person: { tenantId: string; userId: string },
  { key, password, code, now }: TurnOffSecondFactorOptions,
): Promise<{ done: true } | Refused> {
  const row = await lockPerson(tx, person);
  if (row.totpEnabledAt === null || row.sealedTotpSecret === null) throw noSecondFactor();
  if ((await secondFactorState(tx, person)).required) {
    throw new AppError(
      'forbidden',
      localize((m) => m.secondFactor.requiredForAdministrators),
    );
  }
  if (!row.passwordHash || !(await verify(row.passwordHash, password))) {
    return { refused: 'wrong_password', path: 'password' };
  }
  const checked = await checkTotpCode(tx, { ...person, sealedSecret: row.sealedTotpSecret }, { key, code, now });
  if ('refused' in checked) return { refused: checked.refused, path: 'code' };
  await tx
    .update(users)
    .set({ sealedTotpSecret: null, totpEnabledAt: null })
    .where(and(eq(users.tenantId, person.tenantId), eq(users.id, person.userId)));
  await retireRecoveryCodes(tx, person, now);
  await recordAuthEvent(tx, { ...person, operation: 'second_factor_disabled', details: { totpStep: checked.step } });
  return { done: true };
}
