import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { deviationCreate } from '../../../domain/contracts/deviations.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { users } from '../../db/schema/users.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';
import { checkReferences } from './deviation-rules.ts';
import { notifyDeviation } from './notify-deviation.ts';

/** What a new deviation is: the request's fields (the control, title, severity, when and by whom it was found …). */
export type CreateDeviationOptions = z.infer<typeof deviationCreate>;

/** Records a deviation found by a control; those who answer for the control (or coordinate) may. */
export async function createDeviation(tx: Transaction, access: Access, options: CreateDeviationOptions) {
  const scope = await findItemScope(tx, access, 'control', options.controlId, 'controlId');
  access.assertItemWrite(scope.unitId, scope.assigned);
  await checkReferences(tx, access.tenantId, options.controlId, scope.planId, options);
  const row = await insertAudited(
    tx,
    deviations,
    {
      ...options,
      foundOn: options.foundOn ?? access.today,
      foundById: options.foundById === undefined ? access.userId : options.foundById,
      tenantId: access.tenantId,
    },
    { actor: access.actor, entityType: 'deviation', unitId: scope.unitId },
  );
  const deviation = row as unknown as typeof deviations.$inferSelect;
  const [finder] = deviation.foundById
    ? await tx
        .select({ name: users.name })
        .from(users)
        .where(and(eq(users.tenantId, access.tenantId), eq(users.id, deviation.foundById)))
    : [];
  await notifyDeviation(tx, deviation, finder?.name ?? null);
  return row;
}
