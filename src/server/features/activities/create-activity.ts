import type { z } from 'zod';
import type { activityCreate } from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import type { Transaction } from '../../db/client.ts';
import { createItem } from '../../plan-items/item-commands.ts';
import { activitySpec, assertActivityPlan, focusAreaWriter } from './activity-rules.ts';

/** A new activity: its aktivitetsplan, its focus areas and the request's other fields. */
export type CreateActivityOptions = z.infer<typeof activityCreate>;

/** Creates an activity in an aktivitetsplan of a unit the caller coordinates, with its focus-area tags. */
export async function createActivity(
  tx: Transaction,
  access: Access,
  { planId, focusAreaIds, ...values }: CreateActivityOptions,
) {
  const plan = await findReadablePlan(tx, access, planId, 'planId');
  assertActivityPlan(plan);
  return createItem(tx, access, activitySpec, {
    plan,
    values,
    writeExtra: focusAreaWriter(focusAreaIds, access.tenantId),
  });
}
