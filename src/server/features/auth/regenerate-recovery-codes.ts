import { recordAuthEvent } from '../../auth/auth-events.ts';
import { checkTotpCode, lockPerson, replaceRecoveryCodes } from '../../auth/second-factor.ts';
import type { Transaction } from '../../db/client.ts';
import type { Refused } from './code-attempt.ts';
import { noSecondFactor } from './second-factor-rules.ts';

/**
 * A new set of ten recovery codes for a person whose second factor is on, with a present code
 * as proof; the earlier codes stop working. Shown this once. Audited as recovery_codes_regenerated.
 */
export async function regenerateRecoveryCodes(
  tx: Transaction,
  person: { tenantId: string; userId: string },
  { key, code, now }: { key: Buffer; code: string; now: Date },
): Promise<{ recoveryCodes: string[] } | Refused> {
  const row = await lockPerson(tx, person);
  if (row.totpEnabledAt === null || row.sealedTotpSecret === null) throw noSecondFactor();
  const checked = await checkTotpCode(tx, { ...person, sealedSecret: row.sealedTotpSecret }, { key, code, now });
  if ('refused' in checked) return { refused: checked.refused, path: 'code' };
  const recoveryCodes = await replaceRecoveryCodes(tx, person, now);
  await recordAuthEvent(tx, {
    ...person,
    operation: 'recovery_codes_regenerated',
    details: { totpStep: checked.step, recoveryCodes: recoveryCodes.length },
  });
  return { recoveryCodes };
}
