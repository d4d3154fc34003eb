import type { z } from 'zod';
import type { subActivityCreate } from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { subActivities } from '../../db/schema/activities.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';

/** A new delaktivitet: its activity and the request's fields. */
export type CreateSubActivityOptions = z.infer<typeof subActivityCreate>;

/** Creates a sub-activity (delaktivitet), for those who may write its activity. */
export async function createSubActivity(tx: Transaction, access: Access, options: CreateSubActivityOptions) {
  const scope = await findItemScope(tx, access, 'activity', options.activityId, 'activityId');
  access.assertItemWrite(scope.unitId, scope.assigned);
  return insertAudited(
    tx,
    subActivities,
    { ...options, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'sub_activity', unitId: scope.unitId },
  );
}
