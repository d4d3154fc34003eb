import { and, eq, isNull } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findReadableUnit } from './find-readable-unit.ts';

export interface ArchiveOrgUnitOptions {
  unitId: string;
  /** True archives the unit (it leaves the lists, nothing is deleted); false restores it. */
  archived: boolean;
}

/** Archives a unit (never deletes it); one with units still active below it must wait for them. */
export async function archiveOrgUnit(tx: Transaction, access: Access, { unitId, archived }: ArchiveOrgUnitOptions) {
  const current = await findReadableUnit(tx, access, { unitId });
  access.assertRole(current.id, ['administrator']);
  if (current.parentId === null)
    throw new AppError(
      'forbidden',
      localize((m) => m.orgUnits.topUnitCannotArchive),
    );
  if (archived) {
    const [child] = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.parentId, unitId), isNull(orgUnits.archivedAt)))
      .limit(1);
    if (child)
      throw new AppError(
        'not_yet',
        localize((m) => m.orgUnits.archiveUnitsBelowFirst),
      );
  }
  return setArchived(tx, orgUnits, current, archived, {
    actor: access.actor,
    entityType: 'org_unit',
    unitId: current.id,
  });
}
