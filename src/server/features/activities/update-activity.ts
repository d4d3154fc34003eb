import type { z } from 'zod';
import type { activityUpdate } from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import type { Transaction } from '../../db/client.ts';
import { updateItem } from '../../plan-items/item-commands.ts';
import { activitySpec, focusAreaWriter } from './activity-rules.ts';

export interface UpdateActivityOptions {
  activityId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  changes: Omit<z.infer<typeof activityUpdate>, 'version'>;
}

/** Changes an activity and, when given, replaces its focus-area tags. */
export async function updateActivity(
  tx: Transaction,
  access: Access,
  { activityId, version, changes }: UpdateActivityOptions,
) {
  const { focusAreaIds, ...values } = changes;
  return updateItem(tx, access, activitySpec, {
    itemId: activityId,
    version,
    changes: values,
    writeExtra: focusAreaWriter(focusAreaIds, access.tenantId),
  });
}
