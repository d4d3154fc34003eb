import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { statusCreate } from '../../../domain/contracts/statuses.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** The new status: the request's fields (its key, labels, sort order …). */
export type CreateStatusOptions = z.infer<typeof statusCreate>;

/** Adds a status to the tenant's vocabulary (tenant administrator); its key is unique in the tenant. */
export async function createStatus(tx: Transaction, access: Access, options: CreateStatusOptions) {
  access.assertTenantAdministrator();
  const [existing] = await tx
    .select({ id: statuses.id })
    .from(statuses)
    .where(and(eq(statuses.tenantId, access.tenantId), eq(statuses.key, options.key)));
  if (existing)
    throw new AppError('validation_failed', undefined, [
      { path: 'key', message: localize((m) => m.statuses.keyInUse) },
    ]);
  return insertAudited(
    tx,
    statuses,
    { ...options, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'status', unitId: null },
  );
}
