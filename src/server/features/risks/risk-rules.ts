import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { PlanRow } from '../../access/plan-scope.ts';
import { insertAudited, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { riskAssessments, type risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertAssessmentFits, planRiskMatrix } from '../../plan-items/plan-risk-matrix.ts';

/** Sannolikhet and konsekvens must fit the plan's risk matrix (its number of levels), whichever it is. */
export async function checkLevels(
  db: Database,
  plan: PlanRow,
  values: { likelihood?: number | null | undefined; consequence?: number | null | undefined },
) {
  if (plan.kind !== 'internal_control') {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'planId',
        message: localize((m) => m.risks.onlyInInternalControlPlans),
      },
    ]);
  }
  if (typeof values.likelihood !== 'number' && typeof values.consequence !== 'number') return;
  assertAssessmentFits(await planRiskMatrix(db, plan), plan.startYear, values);
}

/**
 * Keeps the risk's assessment of its plan's first year in the assessment history, so that the
 * trend over the years survives later plans: one row per risk and year, the latest assessment.
 */
export async function recordAssessment(
  tx: Transaction,
  access: Access,
  risk: typeof risks.$inferSelect,
  plan: PlanRow,
) {
  if (risk.likelihood === null || risk.consequence === null) return;
  const values = {
    likelihood: risk.likelihood,
    consequence: risk.consequence,
    assessedOn: access.today,
    assessedById: access.userId,
  };
  const [existing] = await tx
    .select()
    .from(riskAssessments)
    .where(
      and(
        eq(riskAssessments.tenantId, access.tenantId),
        eq(riskAssessments.riskId, risk.id),
        eq(riskAssessments.year, plan.startYear),
      ),
    );
  const audit = { actor: access.actor, entityType: 'risk_assessment', unitId: plan.unitId };
  if (!existing)
    await insertAudited(
      tx,
      riskAssessments,
      { ...values, riskId: risk.id, year: plan.startYear, tenantId: access.tenantId },
      audit,
    );
  else if (existing.likelihood !== values.likelihood || existing.consequence !== values.consequence) {
    await updateAudited(
      tx,
      riskAssessments,
      { current: existing, expectedVersion: existing.version, values, present: (row) => row },
      audit,
    );
  }
}
