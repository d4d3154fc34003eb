import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { unitFunctionCreate } from '../../../domain/contracts/unit-functions.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { unitFunctions } from '../../db/schema/unit-functions.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { showUnitFunction } from './unit-function-rules.ts';

/** Adds a function to a unit (an administrator or coordinator of the unit). */
export async function createUnitFunction(tx: Transaction, access: Access, input: z.infer<typeof unitFunctionCreate>) {
  const [unit] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, input.unitId)));
  if (!unit || !access.canRead(unit.id))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.unitFunctions.unknownUnit) },
    ]);
  access.assertRole(unit.id, MANAGING_ROLES);
  const row = await insertAudited(
    tx,
    unitFunctions,
    { tenantId: access.tenantId, unitId: unit.id, name: input.name, isManager: input.isManager ?? false },
    { actor: access.actor, entityType: 'unit_function', unitId: unit.id },
  );
  return showUnitFunction(tx, access, row as typeof unitFunctions.$inferSelect);
}
