import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  functionHoldingCreate,
  functionHoldingEnd,
  functionHoldingUpdate,
} from '../../../domain/contracts/unit-functions.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { insertAudited, updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { functionHolders } from '../../db/schema/unit-functions.ts';
import { AppError } from '../../errors.ts';
import { presentHolding } from './present.ts';
import { assertNoOverlap, assertTenantUser, findUnitFunction, showUnitFunction } from './unit-function-rules.ts';

const audit = (access: Access, unitId: string) => ({ actor: access.actor, entityType: 'function_holder', unitId });

/**
 * Names who holds a function from a day (to a day, or until further notice): the unit's
 * managers. Holdings of one function never overlap. Returns the function with its holdings.
 */
export async function addHolding(
  tx: Transaction,
  access: Access,
  functionId: string,
  input: z.infer<typeof functionHoldingCreate>,
) {
  const fn = await findUnitFunction(tx, access, functionId);
  access.assertRole(fn.unitId, MANAGING_ROLES);
  await assertTenantUser(tx, access.tenantId, input.userId);
  const period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  await assertNoOverlap(tx, access.tenantId, fn.id, period);
  await insertAudited(
    tx,
    functionHolders,
    { tenantId: access.tenantId, functionId: fn.id, userId: input.userId, ...period },
    audit(access, fn.unitId),
  );
  return showUnitFunction(tx, access, fn);
}

async function findHolding(tx: Transaction, tenantId: string, functionId: string, holdingId: string) {
  const [holding] = await tx
    .select()
    .from(functionHolders)
    .where(
      and(
        eq(functionHolders.tenantId, tenantId),
        eq(functionHolders.functionId, functionId),
        eq(functionHolders.id, holdingId),
      ),
    );
  if (!holding) throw new AppError('not_found');
  return holding;
}

/**
 * Changes a holding's days (the unit's managers); a stale version gets 409. Holdings are never
 * deleted: one that was wrong is ended, and history keeps who held the function when.
 */
export async function changeHolding(
  tx: Transaction,
  access: Access,
  functionId: string,
  holdingId: string,
  version: number,
  changes: Omit<z.infer<typeof functionHoldingUpdate>, 'version'>,
) {
  const fn = await findUnitFunction(tx, access, functionId);
  access.assertRole(fn.unitId, MANAGING_ROLES);
  const current = await findHolding(tx, access.tenantId, fn.id, holdingId);
  const period = {
    validFrom: changes.validFrom ?? current.validFrom,
    validTo: changes.validTo === undefined ? current.validTo : changes.validTo,
  };
  if (current.version === version) await assertNoOverlap(tx, access.tenantId, fn.id, period, current.id);
  await updateAudited(
    tx,
    functionHolders,
    { current, expectedVersion: version, values: period, present: presentHolding },
    audit(access, fn.unitId),
  );
  return showUnitFunction(tx, access, fn);
}

/** Ends a holding on a day (by default today), so that the function is vacant after it. */
export async function endHolding(
  tx: Transaction,
  access: Access,
  functionId: string,
  holdingId: string,
  input: z.infer<typeof functionHoldingEnd>,
) {
  const fn = await findUnitFunction(tx, access, functionId);
  access.assertRole(fn.unitId, MANAGING_ROLES);
  const current = await findHolding(tx, access.tenantId, fn.id, holdingId);
  return changeHolding(tx, access, functionId, holdingId, current.version, { validTo: input.validTo ?? access.today });
}
