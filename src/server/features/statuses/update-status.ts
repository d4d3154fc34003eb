import type { z } from 'zod';
import type { statusUpdate } from '../../../domain/contracts/statuses.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { findStatus } from './find-status.ts';
import { presentStatus } from './present.ts';

export interface UpdateStatusOptions {
  statusId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. */
  changes: Omit<z.infer<typeof statusUpdate>, 'version'>;
}

/** Changes a status of the tenant's vocabulary (tenant administrator). */
export async function updateStatus(
  tx: Transaction,
  access: Access,
  { statusId, version, changes }: UpdateStatusOptions,
) {
  const current = await findStatus(tx, access, { statusId });
  access.assertTenantAdministrator();
  return updateAudited(
    tx,
    statuses,
    { current, expectedVersion: version, values: changes, present: presentStatus },
    { actor: access.actor, entityType: 'status', unitId: null },
  );
}
