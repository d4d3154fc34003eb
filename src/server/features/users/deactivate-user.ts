import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
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
 * Deactivates a person who has left (they can no longer sign in and their sessions end) or
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
