import type { z } from 'zod';
import type { actionCreate } from '../../../domain/contracts/actions.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import type { Transaction } from '../../db/client.ts';
import { assertGoalsFitPlan, replaceGoalLinks } from '../../goals/goal-links.ts';
import { createItem } from '../../plan-items/item-commands.ts';
import { linkAnsweringAction } from '../../deviations/answering-action.ts';
import { actionSpec, checkResponsibleUnit, checkSamePlan } from './action-rules.ts';

/** A new åtgärd: its plan, and the request's fields. */
export type CreateActionOptions = z.infer<typeof actionCreate>;

/**
 * Creates an åtgärd in a plan of a unit the caller coordinates; its risk and review must be of
 * that plan, its goals of the plan's unit (or one above) for a year of the plan. Made from a
 * deviation, it answers that deviation from the same change.
 */
export async function createAction(
  tx: Transaction,
  access: Access,
  { planId, goalIds = [], deviationId, ...values }: CreateActionOptions,
) {
  const plan = await findReadablePlan(tx, access, planId, 'planId');
  await checkSamePlan(tx, plan, values);
  await checkResponsibleUnit(tx, access, values.responsibleUnitId);
  await assertGoalsFitPlan(tx, access, plan, goalIds);
  const created = await createItem(tx, access, actionSpec, {
    plan,
    values,
    writeExtra: (writeTx, itemId) => replaceGoalLinks(writeTx, access.tenantId, 'action', itemId, goalIds),
  });
  if (deviationId !== undefined)
    await linkAnsweringAction(tx, access, { deviationId, actionId: created.id as string, planId });
  return created;
}
