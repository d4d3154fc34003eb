import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { findReadableDeviation } from './find-readable-deviation.ts';
import { withSeverityRefs } from '../../deviations/severity-refs.ts';

export interface ArchiveDeviationOptions {
  deviationId: string;
  /** True archives the deviation (it leaves the lists, nothing is deleted); false restores it. */
  archived: boolean;
}

/** Archives or restores a deviation: for the unit's managers. */
export async function archiveDeviation(
  tx: Transaction,
  access: Access,
  { deviationId, archived }: ArchiveDeviationOptions,
) {
  const { unitId, planId, ...current } = await findReadableDeviation(tx, access, { deviationId });
  void planId;
  access.assertMayArchive(unitId);
  const row = await setArchived(tx, deviations, current, archived, {
    actor: access.actor,
    entityType: 'deviation',
    unitId,
  });
  return (await withSeverityRefs(tx, access.tenantId, [row as typeof deviations.$inferSelect]))[0]!;
}
