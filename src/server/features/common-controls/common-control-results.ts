import type { Access } from '../../access/access.ts';
import { copiesOf, targetIdsOf } from '../../common-controls/common-control-copies.ts';
import { copyResults } from '../../common-controls/common-control-results.ts';
import type { Database } from '../../db/client.ts';
import { findCommonControlRow } from './read-common-controls.ts';

/**
 * How each unit a common control reaches has followed it up, side by side. The origin sees
 * every unit; a unit reached sees its own.
 */
export async function commonControlResultsOf(db: Database, access: Access, commonControlId: string) {
  const origin = await findCommonControlRow(db, access, commonControlId);
  const targets = (await targetIdsOf(db, access.tenantId, [origin.id])).get(origin.id) ?? [];
  const copies = (await copiesOf(db, origin, targets)).filter(
    (copy) => access.canRead(origin.originUnitId) || access.canRead(copy.unitId),
  );
  return { commonControlId: origin.id, units: await copyResults(db, access.tenantId, copies) };
}
