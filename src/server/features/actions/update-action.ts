import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { actionUpdate } from '../../../domain/contracts/actions.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import type { Transaction } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { AppError } from '../../errors.ts';
import { assertGoalsFitPlan, goalIdsOf, replaceGoalLinks } from '../../goals/goal-links.ts';
import { localize } from '../../messages/messages.ts';
import { updateItem } from '../../plan-items/item-commands.ts';
import { actionSpec, checkResponsibleUnit, checkSamePlan } from './action-rules.ts';

export interface UpdateActionOptions {
  actionId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  changes: Omit<z.infer<typeof actionUpdate>, 'version'>;
}

/** Changes an åtgärd; a new risk or review must be of its plan, a new responsible unit one the caller sees. */
export async function updateAction(
  tx: Transaction,
  access: Access,
  { actionId, version, changes: { goalIds, ...changes } }: UpdateActionOptions,
) {
  return updateItem(tx, access, actionSpec, {
    itemId: actionId,
    version,
    changes,
    checkReferences: async (plan) => {
      await checkSamePlan(tx, plan, changes);
      if (goalIds) {
        const linked = (await goalIdsOf(tx, access.tenantId, 'action', [actionId])).get(actionId) ?? [];
        const same = goalIds.length === linked.length && goalIds.every((goalId) => linked.includes(goalId));
        // Which goals an action serves is decided with the plan, like its risk: for the unit's managers.
        if (!same && !access.hasRole(plan.unitId, MANAGING_ROLES))
          throw new AppError(
            'forbidden',
            localize((m) => m.planItems.coordinatorOnly),
            [{ path: 'goalIds', message: localize((m) => m.planItems.coordinatorOnlyField) }],
          );
        await assertGoalsFitPlan(tx, access, plan, goalIds, linked);
      }
      if (changes.responsibleUnitId) {
        const [current] = await tx
          .select({ responsibleUnitId: actions.responsibleUnitId })
          .from(actions)
          .where(and(eq(actions.tenantId, access.tenantId), eq(actions.id, actionId)));
        await checkResponsibleUnit(tx, access, changes.responsibleUnitId, current?.responsibleUnitId);
      }
    },
    writeExtra: async (writeTx, itemId) =>
      goalIds ? replaceGoalLinks(writeTx, access.tenantId, 'action', itemId, goalIds) : {},
  });
}
