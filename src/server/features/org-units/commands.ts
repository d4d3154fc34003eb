import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { orgUnitCreate, orgUnitUpdate } from '../../../domain/contracts/org-units.ts';
import type { Access } from '../../access/access.ts';
import { subtreeUnitIds } from '../../access/unit-tree.ts';
import { insertAudited, setArchived, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { AppError } from '../../errors.ts';
import { presentOrgUnit } from './present.ts';

type UnitRow = typeof orgUnits.$inferSelect;

/** The unit, if it exists in the caller's tenant and they may read it; otherwise not found. */
export async function findReadableUnit(tx: Database, access: Access, unitId: string): Promise<UnitRow> {
  const [unit] = await tx.select().from(orgUnits).where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, unitId)));
  if (!unit) throw new AppError('not_found');
  access.assertRead(unit.id);
  return unit;
}

/** Creates a unit under a parent the caller administers. */
export async function createOrgUnit(tx: Transaction, access: Access, options: z.infer<typeof orgUnitCreate>) {
  const parent = await findReadableUnit(tx, access, options.parentId);
  access.assertRole(parent.id, ['administrator']);
  if (parent.archivedAt) throw archivedParent();
  return insertAudited(tx, orgUnits, { ...options, tenantId: access.tenantId }, { actor: access.actor, entityType: 'org_unit', unitId: parent.id });
}

function archivedParent() {
  return new AppError('validation_failed', undefined, [{ path: 'parentId', message: { sv: 'Enheten är arkiverad.', en: 'The unit is archived.' } }]);
}

/**
 * Changes a unit. Moving it needs the administrator role on both the old and the new place,
 * and a unit cannot be moved into its own subtree.
 */
export async function updateOrgUnit(tx: Transaction, access: Access, unitId: string, version: number, changes: Omit<z.infer<typeof orgUnitUpdate>, 'version'>) {
  const current = await findReadableUnit(tx, access, unitId);
  access.assertRole(current.id, ['administrator']);
  if (changes.parentId !== undefined && changes.parentId !== current.parentId) {
    if (current.parentId === null) throw new AppError('validation_failed', undefined, [{ path: 'parentId', message: { sv: 'Den översta enheten kan inte flyttas.', en: 'The top unit cannot be moved.' } }]);
    const parent = await findReadableUnit(tx, access, changes.parentId);
    access.assertRole(parent.id, ['administrator']);
    if (parent.archivedAt) throw archivedParent();
    if ((await subtreeUnitIds(tx, access.tenantId, current.id)).includes(parent.id)) {
      throw new AppError('validation_failed', undefined, [{ path: 'parentId', message: { sv: 'En enhet kan inte flyttas in under sig själv.', en: 'A unit cannot be moved below itself.' } }]);
    }
  }
  return updateAudited(tx, orgUnits, { current, expectedVersion: version, values: changes, present: presentOrgUnit }, { actor: access.actor, entityType: 'org_unit', unitId: current.id });
}

/** Archives a unit (never deletes it); one with units still active below it must wait for them. */
export async function archiveOrgUnit(tx: Transaction, access: Access, unitId: string, archived: boolean) {
  const current = await findReadableUnit(tx, access, unitId);
  access.assertRole(current.id, ['administrator']);
  if (current.parentId === null) throw new AppError('forbidden', { sv: 'Den översta enheten kan inte arkiveras.', en: 'The top unit cannot be archived.' });
  if (archived) {
    const [child] = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.parentId, unitId), isNull(orgUnits.archivedAt)))
      .limit(1);
    if (child) throw new AppError('conflict', { sv: 'Arkivera först enheterna under den här.', en: 'Archive the units below this one first.' });
  }
  return setArchived(tx, orgUnits, current, archived, { actor: access.actor, entityType: 'org_unit', unitId: current.id });
}
