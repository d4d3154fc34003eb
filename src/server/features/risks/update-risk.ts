import type { z } from 'zod';
import type { riskUpdate } from '../../../domain/contracts/risks.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { risks } from '../../db/schema/risks.ts';
import { assertGoalsFitPlan, goalIdsOf, replaceGoalLinks } from '../../goals/goal-links.ts';
import { findReadableRisk } from './find-readable-risk.ts';
import { presentRiskWith, withVocabularyRefs } from './present.ts';
import { checkLevels, recordAssessment } from './risk-rules.ts';
import { checkRiskReferences } from './risk-values.ts';
import { vocabularyRefs } from '../../vocabulary/vocabulary-refs.ts';

export interface UpdateRiskOptions {
  riskId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. */
  changes: Omit<z.infer<typeof riskUpdate>, 'version'>;
}

/** Changes a risk, e.g. its assessment (riskvärde follows by itself). */
export async function updateRisk(
  tx: Transaction,
  access: Access,
  { riskId, version, changes: { goalIds, ...changes } }: UpdateRiskOptions,
) {
  const current = await findReadableRisk(tx, access, { riskId });
  access.assertRole(current.unitId, MANAGING_ROLES);
  const plan = await findReadablePlan(tx, access, current.planId);
  await checkLevels(tx, plan, changes);
  await checkRiskReferences(tx, access.tenantId, plan, changes, current);
  const linked = (await goalIdsOf(tx, access.tenantId, 'risk', [riskId])).get(riskId) ?? [];
  if (goalIds) await assertGoalsFitPlan(tx, access, plan, goalIds, linked);
  const { unitId, ...stored } = current;
  const refs = await vocabularyRefs(tx, access.tenantId, [current.processId, current.categoryId]);
  const present = presentRiskWith(refs);
  const row = await updateAudited(
    tx,
    risks,
    {
      current: stored,
      expectedVersion: version,
      values: changes,
      present: (shown) => present({ ...shown, goalIds: linked }),
      writeAlongside: async () => (goalIds ? replaceGoalLinks(tx, access.tenantId, 'risk', riskId, goalIds) : {}),
    },
    { actor: access.actor, entityType: 'risk', unitId },
  );
  await recordAssessment(tx, access, row as typeof risks.$inferSelect, plan);
  const [shown] = await withVocabularyRefs(tx, access.tenantId, [{ ...(row as typeof risks.$inferSelect), unitId }]);
  return shown!;
}
