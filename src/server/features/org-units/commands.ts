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
import { mayNestUnder, ORG_UNIT_KIND_LABELS, type OrgUnitKind } from '../../../domain/org-unit.ts';

type UnitRow = typeof orgUnits.$inferSelect;

/** The unit, if it exists in the caller's tenant and they may read it; otherwise not found. */
export async function findReadableUnit(tx: Database, access: Access, unitId: string): Promise<UnitRow> {
  const [unit] = await tx.select().from(orgUnits).where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, unitId)));
  if (!unit) throw new AppError('not_found');
  access.assertRead(unit.id);
  return unit;
}

/** Refuses a unit of `kind` directly below a unit of `parentKind`, naming the field that was given. */
function assertNesting(kind: OrgUnitKind, parentKind: OrgUnitKind, path: 'kind' | 'parentId') {
  if (mayNestUnder(kind, parentKind)) return;
  const child = ORG_UNIT_KIND_LABELS[kind];
  const parent = ORG_UNIT_KIND_LABELS[parentKind];
  const message =
    kind === 'kommun' || kind === 'region'
      ? { sv: `En enhet av slaget ${child.sv.toLowerCase()} står överst i organisationen och kan inte ligga under en annan enhet.`, en: `A unit of kind ${child.en.toLowerCase()} is the top of the organisation and cannot sit below another unit.` }
      : { sv: `En enhet av slaget ${child.sv.toLowerCase()} kan inte ligga under en ${parent.sv.toLowerCase()}.`, en: `A unit of kind ${child.en.toLowerCase()} cannot sit below a ${parent.en.toLowerCase()}.` };
  throw new AppError('validation_failed', undefined, [{ path, message }]);
}

/** Creates a unit under a parent the caller administers, of a kind that may sit there. */
export async function createOrgUnit(tx: Transaction, access: Access, options: z.infer<typeof orgUnitCreate>) {
  const parent = await findReadableUnit(tx, access, options.parentId);
  access.assertRole(parent.id, ['administrator']);
  if (parent.archivedAt) throw archivedParent();
  assertNesting(options.kind, parent.kind, 'kind');
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
  const kind = changes.kind ?? current.kind;
  if (kind !== current.kind || (changes.parentId !== undefined && changes.parentId !== current.parentId)) {
    const parentId = changes.parentId ?? current.parentId;
    if (parentId !== null) {
      const [parent] = await tx.select({ kind: orgUnits.kind }).from(orgUnits).where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, parentId)));
      if (parent) assertNesting(kind, parent.kind, kind !== current.kind ? 'kind' : 'parentId');
    }
    // The units below must still fit under the changed kind.
    const children = await tx.select({ kind: orgUnits.kind }).from(orgUnits).where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.parentId, current.id)));
    for (const child of children) if (!mayNestUnder(child.kind, kind)) assertNesting(child.kind, kind, 'kind');
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
    if (child) throw new AppError('not_yet', { sv: 'Arkivera först enheterna under den här.', en: 'Archive the units below this one first.' });
  }
  return setArchived(tx, orgUnits, current, archived, { actor: access.actor, entityType: 'org_unit', unitId: current.id });
}
