import type { z } from 'zod';
import type { followUpCreate } from '../../../domain/contracts/follow-ups.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findItemScope, setItemStatus } from '../../plan-items/item-commands.ts';
import { assertPeriodInPlan, itemOf } from './follow-up-rules.ts';

/** What a new follow-up is: the request's fields (exactly one item, the period, the text, a status …). */
export type CreateFollowUpOptions = z.infer<typeof followUpCreate>;

/**
 * Writes a follow-up for an item the caller answers for (or coordinates); the author is the
 * caller. It is submitted for review at once, or kept as a draft when asked. A status given with it becomes the item's status too, in the same transaction.
 */
export async function createFollowUp(tx: Transaction, access: Access, options: CreateFollowUpOptions) {
  const targets = (['controlId', 'actionId', 'activityId'] as const).filter((field) => options[field] !== undefined);
  if (targets.length !== 1) {
    throw new AppError('validation_failed', undefined, [
      {
        path: targets[1] ?? 'controlId',
        message: localize((m) => m.followUps.exactlyOneItem),
      },
    ]);
  }
  const item = itemOf({
    controlId: options.controlId ?? null,
    actionId: options.actionId ?? null,
    activityId: options.activityId ?? null,
  });
  const scope = await findItemScope(tx, access, item.kind, item.id, item.field);
  access.assertItemWrite(scope.unitId, scope.assigned);
  await assertPeriodInPlan(tx, access.tenantId, options.periodId, scope.planId);
  const { draft, ...fields } = options;
  const row = await insertAudited(
    tx,
    followUps,
    {
      ...fields,
      reviewState: draft ? 'draft' : 'submitted',
      reportedOn: options.reportedOn ?? access.today,
      authorId: access.userId,
      tenantId: access.tenantId,
    },
    { actor: access.actor, entityType: 'follow_up', unitId: scope.unitId },
  );
  if (options.statusId !== undefined)
    await setItemStatus(tx, access, item.kind, item.id, options.statusId, scope.unitId);
  return row;
}
