import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import { withdrawOpenLinks } from '../../auth/one-time-links.ts';
import type { Transaction } from '../../db/client.ts';
import { sessions } from '../../db/schema/sessions.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findUser } from './find-user.ts';
import { presentUser } from './present.ts';

export interface DeactivateUserOptions {
  userId: string;
  /** True deactivates the person; false reactivates them. */
  deactivated: boolean;
}

/**
 * Deactivates a person who has left (they can no longer sign in; their sessions end and their
 * open one-time links are withdrawn) or
 * reactivates them. Never deleted: history keeps their name, shown with "(borttagen)".
 */
export async function deactivateUser(tx: Transaction, access: Access, { userId, deactivated }: DeactivateUserOptions) {
  const current = await findUser(tx, access, { userId });
  access.assertTenantAdministrator();
  if (deactivated && userId === access.userId)
    throw new AppError(
      'forbidden',
      localize((m) => m.users.cannotDeactivateSelf),
    );
  if ((current.deactivatedAt !== null) === deactivated) return current;
  if (deactivated) {
    await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.tenantId, access.tenantId), eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    // Nor does an invitation or a new-password link still open let them in after a reactivation.
    await withdrawOpenLinks(tx, access.actor, { tenantId: access.tenantId, userId, now: access.clock.now() });
  }
  return updateAudited(
    tx,
    users,
    {
      current,
      expectedVersion: current.version,
      values: { deactivatedAt: deactivated ? access.clock.now() : null },
      present: presentUser,
      operation: deactivated ? 'deactivate' : 'reactivate',
    },
    { actor: access.actor, entityType: 'user', unitId: null },
  );
}
