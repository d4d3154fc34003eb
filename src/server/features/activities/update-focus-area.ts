import type { z } from 'zod';
import type { focusAreaUpdate } from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { focusAreas } from '../../db/schema/activities.ts';
import { findFocusArea } from './find-focus-area.ts';
import { presentFocusArea } from './activity-rules.ts';

export interface UpdateFocusAreaOptions {
  focusAreaId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  changes: Omit<z.infer<typeof focusAreaUpdate>, 'version'>;
}

/** Renames, reorders or deactivates a focus area (the tenant administrator). */
export async function updateFocusArea(
  tx: Transaction,
  access: Access,
  { focusAreaId, version, changes }: UpdateFocusAreaOptions,
) {
  const current = await findFocusArea(tx, access, { focusAreaId });
  access.assertTenantAdministrator();
  return updateAudited(
    tx,
    focusAreas,
    { current, expectedVersion: version, values: changes, present: presentFocusArea },
    { actor: access.actor, entityType: 'focus_area', unitId: null },
  );
}
