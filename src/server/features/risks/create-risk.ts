import type { z } from 'zod';
import type { riskCreate } from '../../../domain/contracts/risks.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { risks } from '../../db/schema/risks.ts';
import { assertGoalsFitPlan, replaceGoalLinks } from '../../goals/goal-links.ts';
import { withVocabularyRefs } from './present.ts';
import { checkLevels, recordAssessment } from './risk-rules.ts';
import { checkRiskReferences } from './risk-values.ts';

/** The new risk: its plan, title, and (if assessed) sannolikhet and konsekvens. */
export type CreateRiskOptions = z.infer<typeof riskCreate>;

/** Adds a risk to an internkontrollplan of a unit the caller coordinates. */
export async function createRisk(tx: Transaction, access: Access, { goalIds = [], ...options }: CreateRiskOptions) {
  const plan = await findReadablePlan(tx, access, options.planId, 'planId');
  access.assertRole(plan.unitId, MANAGING_ROLES);
  await checkLevels(tx, plan, options);
  await checkRiskReferences(tx, access.tenantId, plan, options, null);
  await assertGoalsFitPlan(tx, access, plan, goalIds);
  const row = await insertAudited(
    tx,
    risks,
    { ...options, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'risk', unitId: plan.unitId },
    goalIds.length > 0 ? { goalIds: [[], goalIds] } : {},
  );
  await replaceGoalLinks(tx, access.tenantId, 'risk', row.id as string, goalIds);
  await recordAssessment(tx, access, row as typeof risks.$inferSelect, plan);
  const [shown] = await withVocabularyRefs(tx, access.tenantId, [
    { ...(row as typeof risks.$inferSelect), unitId: plan.unitId },
  ]);
  return shown!;
}
