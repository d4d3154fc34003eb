import { and, eq } from 'drizzle-orm';
import { lockPerson, newTotpSecret, totpEnrolment } from '../../auth/second-factor.ts';
import { sealSecret } from '../../auth/secrets.ts';
import type { Transaction } from '../../db/client.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

export interface StartSecondFactorOptions {
  /** The server key the TOTP secret is sealed with. */
  key: Buffer;
}

/**
 * Begins setting up a second factor (from the own-account page, or during a sign-in that
 * requires one): a new TOTP secret, sealed into the person's row but not yet active, and what an
 * authenticator app needs to read it. Starting again replaces a secret not yet confirmed. Only a
 * person with a local password has one, and not twice: the one on is turned off first.
 */
export async function startSecondFactor(
  tx: Transaction,
  person: { tenantId: string; userId: string },
  { key }: StartSecondFactorOptions,
) {
  const row = await lockPerson(tx, person);
  if (row.totpEnabledAt !== null) {
    throw new AppError(
      'not_yet',
      localize((m) => m.secondFactor.alreadyEnabled),
    );
  }
  if (!row.passwordHash) {
    throw new AppError(
      'forbidden',
      localize((m) => m.secondFactor.onlyWithPassword),
    );
  }
  const secret = newTotpSecret();
  await tx
    .update(users)
    .set({ sealedTotpSecret: sealSecret(key, secret) })
    .where(and(eq(users.tenantId, person.tenantId), eq(users.id, person.userId)));
  const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, person.tenantId));
  return totpEnrolment(secret, { email: row.email, tenantName: tenant!.name });
}
