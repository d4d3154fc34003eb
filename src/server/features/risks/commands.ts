import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { riskCreate, riskUpdate } from '../../../domain/contracts/risks.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan, type PlanRow } from '../../access/plan-scope.ts';
import { insertAudited, setArchived, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { riskAssessments, risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { assertAssessmentFits, planRiskMatrix } from '../../plan-items/plan-risk-matrix.ts';
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

/** Sannolikhet and konsekvens must fit the plan's risk matrix (its number of levels), whichever it is. */
async function checkLevels(db: Database, plan: PlanRow, values: { likelihood?: number | null | undefined; consequence?: number | null | undefined }) {
  if (plan.kind !== 'internal_control') {
    throw new AppError('validation_failed', undefined, [{ path: 'planId', message: { sv: 'Risker hör till internkontrollplaner.', en: 'Risks belong to internal-control plans.' } }]);
  }
  if (typeof values.likelihood !== 'number' && typeof values.consequence !== 'number') return;
  assertAssessmentFits(await planRiskMatrix(db, plan), plan.startYear, values);
}

/** Adds a risk to an internkontrollplan of a unit the caller coordinates. */
export async function createRisk(tx: Transaction, access: Access, options: z.infer<typeof riskCreate>) {
  const plan = await findReadablePlan(tx, access, options.planId, 'planId');
  access.assertRole(plan.unitId, MANAGING_ROLES);
  await checkLevels(tx, plan, options);
  const row = await insertAudited(tx, risks, { ...options, tenantId: access.tenantId }, { actor: access.actor, entityType: 'risk', unitId: plan.unitId });
  await recordAssessment(tx, access, row as typeof risks.$inferSelect, plan);
  return { ...row, unitId: plan.unitId };
}

/**
 * Keeps the risk's assessment of its plan's first year in the assessment history, so that the
 * trend over the years survives later plans: one row per risk and year, the latest assessment.
 */
async function recordAssessment(tx: Transaction, access: Access, risk: typeof risks.$inferSelect, plan: PlanRow) {
  if (risk.likelihood === null || risk.consequence === null) return;
  const values = { likelihood: risk.likelihood, consequence: risk.consequence, assessedOn: access.today, assessedById: access.userId };
  const [existing] = await tx
    .select()
    .from(riskAssessments)
    .where(and(eq(riskAssessments.tenantId, access.tenantId), eq(riskAssessments.riskId, risk.id), eq(riskAssessments.year, plan.startYear)));
  const audit = { actor: access.actor, entityType: 'risk_assessment', unitId: plan.unitId };
  if (!existing) await insertAudited(tx, riskAssessments, { ...values, riskId: risk.id, year: plan.startYear, tenantId: access.tenantId }, audit);
  else if (existing.likelihood !== values.likelihood || existing.consequence !== values.consequence) {
    await updateAudited(tx, riskAssessments, { current: existing, expectedVersion: existing.version, values, present: (row) => row }, audit);
  }
}

/** Changes a risk, e.g. its assessment (riskvärde follows by itself). */
export async function updateRisk(tx: Transaction, access: Access, riskId: string, version: number, changes: Omit<z.infer<typeof riskUpdate>, 'version'>) {
  const current = await findReadableRisk(tx, access, riskId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  const plan = await findReadablePlan(tx, access, current.planId);
  await checkLevels(tx, plan, changes);
  const { unitId, ...stored } = current;
  const row = await updateAudited(tx, risks, { current: stored, expectedVersion: version, values: changes, present: presentRisk }, { actor: access.actor, entityType: 'risk', unitId });
  await recordAssessment(tx, access, row as typeof risks.$inferSelect, plan);
  return row;
}

export async function archiveRisk(tx: Transaction, access: Access, riskId: string, archived: boolean) {
  const current = await findReadableRisk(tx, access, riskId);
  access.assertMayArchive(current.unitId);
  return setArchived(tx, risks, current, archived, { actor: access.actor, entityType: 'risk', unitId: current.unitId });
}
