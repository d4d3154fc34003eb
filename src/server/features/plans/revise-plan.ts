import type { z } from 'zod';
import type { planRevise } from '../../../domain/contracts/plan-versions.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { localize } from '../../messages/messages.ts';
import { freezePlan } from '../../plan-model/snapshot.ts';
import { assertDecisionUnitExists, assertPlanState } from './plan-rules.ts';
import { presentPlan } from './present.ts';

/** The plan, the reason for the revision and, if any, the new or corrected decision. */
export type RevisePlanOptions = { planId: string } & z.infer<typeof planRevise>;

/**
 * A change after adoption: the plan as it is now becomes the next revision, with the reason; the
 * adopted version stays. The revision may carry a new or corrected decision (body, date, §,
 * diarienummer): it becomes the plan's decision and is frozen with this revision, the only way
 * an adopted plan's decision changes. `validFrom` (by default the decision's date) is the day
 * the revised plan applies from.
 */
export async function revisePlan(
  tx: Transaction,
  access: Access,
  { planId, reason, validFrom, ...decision }: RevisePlanOptions,
) {
  const current = await findReadablePlan(tx, access, planId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  assertPlanState(
    current,
    'adopted',
    localize((m) => m.plans.onlyAdoptedRevised),
  );
  const values = Object.fromEntries(Object.entries(decision).filter(([, value]) => value !== undefined));
  if (Object.keys(values).length > 0) {
    if (decision.decisionUnitId) await assertDecisionUnitExists(tx, access, decision.decisionUnitId);
    await updateAudited(
      tx,
      plans,
      { current, expectedVersion: current.version, values, present: presentPlan, operation: 'revise' },
      { actor: access.actor, entityType: 'plan', unitId: current.unitId },
    );
  }
  // A revision without a decision of its own keeps the decision in force: its version records none.
  const decided = Object.keys(values).length > 0 || validFrom !== undefined;
  const merged = { ...current, ...values };
  return freezePlan(tx, access.actor, {
    tenantId: access.tenantId,
    planId,
    unitId: current.unitId,
    reason,
    createdById: access.userId,
    decision: decided
      ? {
          decisionUnitId: merged.decisionUnitId,
          decisionDate: merged.decisionDate,
          decisionParagraph: merged.decisionParagraph,
          diarienummer: merged.diarienummer,
          validFrom: validFrom ?? merged.decisionDate,
        }
      : null,
  });
}
