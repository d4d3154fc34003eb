import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { orgUnitUpdate } from '../../../domain/contracts/org-units.ts';
import { mayNestUnder } from '../../../domain/org-unit.ts';
import type { Access } from '../../access/access.ts';
import { subtreeUnitIds } from '../../access/unit-tree.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findReadableUnit } from './find-readable-unit.ts';
import { archivedParent, assertNesting } from './org-unit-rules.ts';
import { presentOrgUnit } from './present.ts';

export interface UpdateOrgUnitOptions {
  unitId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change (a new parentId moves the unit); those left out stay as they are. */
  changes: Omit<z.infer<typeof orgUnitUpdate>, 'version'>;
}

/**
 * Changes a unit. Moving it needs the administrator role on both the old and the new place,
 * and a unit cannot be moved into its own subtree.
 */
export async function updateOrgUnit(
  tx: Transaction,
  access: Access,
  { unitId, version, changes }: UpdateOrgUnitOptions,
) {
  const current = await findReadableUnit(tx, access, { unitId });
  access.assertRole(current.id, ['administrator']);
  if (changes.parentId !== undefined && changes.parentId !== current.parentId) {
    if (current.parentId === null)
      throw new AppError('validation_failed', undefined, [
        {
          path: 'parentId',
          message: localize((m) => m.orgUnits.topUnitCannotMove),
        },
      ]);
    const parent = await findReadableUnit(tx, access, { unitId: changes.parentId });
    access.assertRole(parent.id, ['administrator']);
    if (parent.archivedAt) throw archivedParent();
    if ((await subtreeUnitIds(tx, access.tenantId, current.id)).includes(parent.id)) {
      throw new AppError('validation_failed', undefined, [
        {
          path: 'parentId',
          message: localize((m) => m.orgUnits.cannotMoveBelowItself),
        },
      ]);
    }
  }
  const kind = changes.kind ?? current.kind;
  if (kind !== current.kind || (changes.parentId !== undefined && changes.parentId !== current.parentId)) {
    const parentId = changes.parentId ?? current.parentId;
    if (parentId !== null) {
      const [parent] = await tx
        .select({ kind: orgUnits.kind })
        .from(orgUnits)
        .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, parentId)));
      if (parent) assertNesting(kind, parent.kind, kind !== current.kind ? 'kind' : 'parentId');
    }
    // The units below must still fit under the changed kind.
    const children = await tx
      .select({ kind: orgUnits.kind })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.parentId, current.id)));
    for (const child of children) if (!mayNestUnder(child.kind, kind)) assertNesting(child.kind, kind, 'kind');
  }
  return updateAudited(
    tx,
    orgUnits,
    { current, expectedVersion: version, values: changes, present: presentOrgUnit },
    { actor: access.actor, entityType: 'org_unit', unitId: current.id },
  );
}
