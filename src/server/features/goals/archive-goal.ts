import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { goals } from '../../db/schema/goals.ts';
import { findGoal } from './find-goal.ts';

export interface ArchiveGoalOptions {
  goalId: string;
  archived: boolean;
}

/**
 * Archives a goal (no longer offered for new links; risks and actions linked to it keep the
 * link) or restores it: the unit's managers.
 */
export async function archiveGoal(tx: Transaction, access: Access, { goalId, archived }: ArchiveGoalOptions) {
  const current = await findGoal(tx, access, { goalId });
  access.assertMayArchive(current.unitId);
  return setArchived(tx, goals, current, archived, {
    actor: access.actor,
    entityType: 'goal',
    unitId: current.unitId,
  });
}
