import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { risks } from '../../db/schema/risks.ts';
import { findReadableRisk } from './find-readable-risk.ts';
import { withVocabularyRefs } from './present.ts';

export interface ArchiveRiskOptions {
  riskId: string;
  /** True archives the risk (it leaves the lists, nothing is deleted); false restores it. */
  archived: boolean;
}

/** Archives or restores a risk: for the managers of its plan's unit. */
export async function archiveRisk(tx: Transaction, access: Access, { riskId, archived }: ArchiveRiskOptions) {
  const current = await findReadableRisk(tx, access, { riskId });
  access.assertMayArchive(current.unitId);
  const row = await setArchived(tx, risks, current, archived, {
    actor: access.actor,
    entityType: 'risk',
    unitId: current.unitId,
  });
  const [shown] = await withVocabularyRefs(tx, access.tenantId, [
    { ...(row as typeof risks.$inferSelect), unitId: current.unitId },
  ]);
  return shown!;
}
