import type { z } from 'zod';
import type { focusAreaCreate } from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { focusAreas } from '../../db/schema/activities.ts';

/** Adds a focus area to the tenant's list (the tenant administrator). */
export async function createFocusArea(tx: Transaction, access: Access, options: z.infer<typeof focusAreaCreate>) {
  access.assertTenantAdministrator();
  return insertAudited(
    tx,
    focusAreas,
    { ...options, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'focus_area', unitId: null },
  );
}
