import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { riskCreate, riskUpdate } from '../../../domain/contracts/risks.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan, type PlanRow } from '../../access/plan-scope.ts';
import { insertAudited, setArchived, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { presentRisk } from './present.ts';

export type RiskRow = typeof risks.$inferSelect & { unitId: string };

/** A risk the caller may read, with its plan's unit; otherwise not found. */
export async function findReadableRisk(db: Database, access: Access, riskId: string): Promise<RiskRow> {
  const [row] = await db
    .select({ risk: risks, unitId: plans.unitId })
    .from(risks)
    .innerJoin(plans, and(eq(plans.tenantId, risks.tenantId), eq(plans.id, risks.planId)))
    .where(and(eq(risks.tenantId, access.tenantId), eq(risks.id, riskId)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.risk, unitId: row.unitId };
}

/** Sannolikhet and konsekvens must fit the plan's risk matrix (its number of levels). */
async function checkLevels(db: Database, plan: PlanRow, values: { likelihood?: number | null | undefined; consequence?: number | null | undefined }) {
  if (plan.kind !== 'internal_control') {
    throw new AppError('validation_failed', undefined, [{ path: 'planId', message: { sv: 'Risker hör till internkontrollplaner.', en: 'Risks belong to internal-control plans.' } }]);
  }
  if (!plan.riskMatrixId) return;
  const [matrix] = await db.select().from(riskMatrices).where(and(eq(riskMatrices.tenantId, plan.tenantId), eq(riskMatrices.id, plan.riskMatrixId)));
  if (!matrix) return;
  const errors: FieldError[] = [];
  for (const [field, levels] of [['likelihood', matrix.likelihoodLevels.length], ['consequence', matrix.consequenceLevels.length]] as const) {
    const value = values[field];
    if (typeof value === 'number' && value > levels) {
      errors.push({ path: field, message: { sv: `Riskmatrisen har ${levels} nivåer.`, en: `The risk matrix has ${levels} levels.` } });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}

/** Adds a risk to an internkontrollplan of a unit the caller coordinates. */
export async function createRisk(tx: Transaction, access: Access, options: z.infer<typeof riskCreate>) {
  const plan = await findReadablePlan(tx, access, options.planId, 'planId');
  access.assertRole(plan.unitId, MANAGING_ROLES);
  await checkLevels(tx, plan, options);
  return { ...(await insertAudited(tx, risks, { ...options, tenantId: access.tenantId }, { actor: access.actor, entityType: 'risk', unitId: plan.unitId })), unitId: plan.unitId };
}

/** Changes a risk, e.g. its assessment (riskvärde follows by itself). */
export async function updateRisk(tx: Transaction, access: Access, riskId: string, version: number, changes: Omit<z.infer<typeof riskUpdate>, 'version'>) {
  const current = await findReadableRisk(tx, access, riskId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  await checkLevels(tx, await findReadablePlan(tx, access, current.planId), changes);
  return updateAudited(tx, risks, { current, expectedVersion: version, values: changes, present: presentRisk }, { actor: access.actor, entityType: 'risk', unitId: current.unitId });
}

export async function archiveRisk(tx: Transaction, access: Access, riskId: string, archived: boolean) {
  const current = await findReadableRisk(tx, access, riskId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  return setArchived(tx, risks, current, archived, { actor: access.actor, entityType: 'risk', unitId: current.unitId });
}
