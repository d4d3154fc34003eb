import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { assertNoCurrentResult, withDeviationIds } from './control-result-rules.ts';
import { findReadableControlResult } from './find-readable-control-result.ts';

export interface ArchiveControlResultOptions {
  resultId: string;
  /** True archives the result (it leaves the lists, nothing is deleted); false restores it. */
  archived: boolean;
}

/**
 * Archives or restores a result: for the unit's managers. A result is restored only while its
 * control has no other current result for the period. Its deviations stay as they are.
 */
export async function archiveControlResult(
  tx: Transaction,
  access: Access,
  { resultId, archived }: ArchiveControlResultOptions,
) {
  const current = await findReadableControlResult(tx, access, { resultId });
  const { unitId } = current;
  access.assertMayArchive(unitId);
  if (!archived && current.archivedAt !== null)
    await assertNoCurrentResult(tx, access.tenantId, {
      controlId: current.controlId,
      periodId: current.periodId,
      exceptId: current.id,
    });
  const row = await setArchived(tx, controlResults, current, archived, {
    actor: access.actor,
    entityType: 'control_result',
    unitId,
  });
  const [shown] = await withDeviationIds(tx, access.tenantId, [{ ...current, ...row }]);
  return shown!;
}
