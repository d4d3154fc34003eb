import type { z } from 'zod';
import type { subActivityUpdate } from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { subActivities } from '../../db/schema/activities.ts';
import { findReadableSubActivity, presentSubActivity } from './activity-rules.ts';

export interface UpdateSubActivityOptions {
  subActivityId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  changes: Omit<z.infer<typeof subActivityUpdate>, 'version'>;
}

/** Changes a sub-activity, for those who may write its activity. */
export async function updateSubActivity(
  tx: Transaction,
  access: Access,
  { subActivityId, version, changes }: UpdateSubActivityOptions,
) {
  const { row, scope } = await findReadableSubActivity(tx, access, subActivityId);
  access.assertItemWrite(scope.unitId, scope.assigned);
  return updateAudited(
    tx,
    subActivities,
    { current: row, expectedVersion: version, values: changes, present: presentSubActivity },
    { actor: access.actor, entityType: 'sub_activity', unitId: scope.unitId },
  );
}
