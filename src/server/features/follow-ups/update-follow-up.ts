import type { z } from 'zod';
import type { followUpUpdate } from '../../../domain/contracts/follow-ups.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';
import { findReadableFollowUp } from './find-readable-follow-up.ts';
import { assertMayChange, assertPeriodInPlan, itemOf } from './follow-up-rules.ts';
import { presentFollowUp } from './present.ts';

export interface UpdateFollowUpOptions {
  followUpId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. */
  changes: Omit<z.infer<typeof followUpUpdate>, 'version'>;
}

/**
 * Changes a follow-up: its author or a coordinator; a new period must lie within the plan's
 * years. An approved follow-up its author rewrites is submitted for review again.
 */
export async function updateFollowUp(
  tx: Transaction,
  access: Access,
  { followUpId, version, changes }: UpdateFollowUpOptions,
) {
  const current = await findReadableFollowUp(tx, access, { followUpId });
  await assertMayChange(tx, access, current);
  if (changes.periodId !== undefined && changes.periodId !== current.periodId) {
    const item = itemOf(current);
    const { planId } = await findItemScope(tx, access, item.kind, item.id, item.field);
    await assertPeriodInPlan(tx, access.tenantId, changes.periodId, planId);
  }
  const { unitId, ...stored } = current;
  // What the manager approved is no longer what it says: it goes back for review.
  const reopens =
    current.reviewState === 'approved' &&
    !access.hasRole(unitId, MANAGING_ROLES) &&
    (['body', 'analysis', 'statusId', 'periodId'] as const).some(
      (field) => changes[field] !== undefined && changes[field] !== current[field],
    );
  return updateAudited(
    tx,
    followUps,
    {
      current: stored,
      expectedVersion: version,
      values: reopens ? { ...changes, reviewState: 'submitted' } : changes,
      present: presentFollowUp,
    },
    { actor: access.actor, entityType: 'follow_up', unitId },
  );
}
