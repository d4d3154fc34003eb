import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { subActivities } from '../../db/schema/activities.ts';
import { findReadableSubActivity } from './activity-rules.ts';

export interface ArchiveSubActivityOptions {
  subActivityId: string;
  /** True archives it (nothing is deleted); false restores it. */
  archived: boolean;
}

/** Archives or restores a sub-activity. */
export async function archiveSubActivity(
  tx: Transaction,
  access: Access,
  { subActivityId, archived }: ArchiveSubActivityOptions,
) {
  const { row, scope } = await findReadableSubActivity(tx, access, subActivityId);
  // Like every archiving of plan data: the unit's managers, not the activity's ansvariga.
  access.assertMayArchive(scope.unitId);
  return setArchived(tx, subActivities, row, archived, {
    actor: access.actor,
    entityType: 'sub_activity',
    unitId: scope.unitId,
  });
}
