import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { localize } from '../../messages/messages.ts';
import { assertPlanState } from './plan-rules.ts';
import { presentPlan } from './present.ts';

export interface ClosePlanOptions {
  planId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
}

/** Avslutad: the year is over; the plan stays readable. */
export async function closePlan(tx: Transaction, access: Access, { planId, version }: ClosePlanOptions) {
  const current = await findReadablePlan(tx, access, planId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  assertPlanState(
    current,
    'adopted',
    localize((m) => m.plans.onlyAdoptedClosed),
  );
  return updateAudited(
    tx,
    plans,
    {
      current,
      expectedVersion: version,
      values: { state: 'closed', closedAt: access.clock.now() },
      present: presentPlan,
      operation: 'close',
    },
    { actor: access.actor, entityType: 'plan', unitId: current.unitId },
  );
}
