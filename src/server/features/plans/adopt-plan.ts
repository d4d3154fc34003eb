import type { z } from 'zod';
import type { planAdopt } from '../../../domain/contracts/plan-versions.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { localize } from '../../messages/messages.ts';
import { freezePlan } from '../../plan-model/snapshot.ts';
import { assertDecisionUnitExists, assertPlanState } from './plan-rules.ts';
import { presentPlan } from './present.ts';

/** The plan and the decision that adopts it: deciding body, meeting date, § and diarienummer, with the version read. */
export type AdoptPlanOptions = { planId: string } & z.infer<typeof planAdopt>;

/** Beslutad: records the decision, sets the plan adopted and freezes it as revision 1, in one transaction. */
export async function adoptPlan(tx: Transaction, access: Access, { planId, ...decision }: AdoptPlanOptions) {
  const current = await findReadablePlan(tx, access, planId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  assertPlanState(
    current,
    'draft',
    localize((m) => m.plans.alreadyAdopted),
  );
  const decisionUnitId = decision.decisionUnitId ?? current.decisionUnitId ?? current.unitId;
  await assertDecisionUnitExists(tx, access, decisionUnitId);
  const row = await updateAudited(
    tx,
    plans,
    {
      current,
      expectedVersion: decision.version,
      values: {
        state: 'adopted',
        adoptedAt: access.clock.now(),
        decisionUnitId,
        decisionDate: decision.decisionDate,
        ...(decision.decisionParagraph === undefined ? {} : { decisionParagraph: decision.decisionParagraph }),
        ...(decision.diarienummer === undefined ? {} : { diarienummer: decision.diarienummer }),
      },
      present: presentPlan,
      operation: 'adopt',
    },
    { actor: access.actor, entityType: 'plan', unitId: current.unitId },
  );
  await freezePlan(tx, access.actor, {
    tenantId: access.tenantId,
    planId,
    unitId: current.unitId,
    reason: null,
    createdById: access.userId,
    decision: {
      decisionUnitId,
      decisionDate: decision.decisionDate,
      decisionParagraph:
        decision.decisionParagraph === undefined ? current.decisionParagraph : decision.decisionParagraph,
      diarienummer: decision.diarienummer === undefined ? current.diarienummer : decision.diarienummer,
      validFrom: decision.decisionDate,
    },
  });
  return row;
}
