import { and, desc, eq, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { planCreate } from '../../../domain/contracts/plans.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import { addCommonControlsToPlan } from '../../common-controls/common-control-copies.ts';
import type { Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertYearsInOrder } from './plan-rules.ts';

/** What a new plan is: the request's fields (unit, kind, years, title …). */
export type CreatePlanOptions = z.infer<typeof planCreate>;

/** Creates a plan (utkast) for a unit the caller coordinates. */
export async function createPlan(tx: Transaction, access: Access, options: CreatePlanOptions) {
  const [unit] = await tx
    .select({ id: orgUnits.id, archivedAt: orgUnits.archivedAt })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, options.unitId)));
  if (!unit || !access.canRead(unit.id))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  access.assertRole(unit.id, MANAGING_ROLES);
  const endYear = options.endYear ?? options.startYear;
  assertYearsInOrder(options.startYear, endYear);
  let riskMatrixId = options.riskMatrixId;
  if (riskMatrixId === undefined && options.kind === 'internal_control') {
    // The matrix version valid in the plan's first year, so risks are assessed on the scale in force.
    const [matrix] = await tx
      .select({ id: riskMatrices.id })
      .from(riskMatrices)
      .where(and(eq(riskMatrices.tenantId, access.tenantId), lte(riskMatrices.validFromYear, options.startYear)))
      .orderBy(desc(riskMatrices.validFromYear))
      .limit(1);
    riskMatrixId = matrix?.id ?? null;
  }
  const plan = await insertAudited(
    tx,
    plans,
    { ...options, endYear, riskMatrixId, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'plan', unitId: unit.id },
  );
  // The kommungemensamma kontrollmoment of the plan's years that reach the unit come with it.
  await addCommonControlsToPlan(tx, access.actor, plan as typeof plans.$inferSelect);
  return plan;
}
