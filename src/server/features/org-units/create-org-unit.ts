import type { z } from 'zod';
import type { orgUnitCreate } from '../../../domain/contracts/org-units.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { findReadableUnit } from './find-readable-unit.ts';
import { archivedParent, assertNesting } from './org-unit-rules.ts';

/** The new unit: its parent, kind, name and sort order. */
export type CreateOrgUnitOptions = z.infer<typeof orgUnitCreate>;

/** Creates a unit under a parent the caller administers, of a kind that may sit there. */
export async function createOrgUnit(tx: Transaction, access: Access, options: CreateOrgUnitOptions) {
  const parent = await findReadableUnit(tx, access, { unitId: options.parentId });
  access.assertRole(parent.id, ['administrator']);
  if (parent.archivedAt) throw archivedParent();
  assertNesting(options.kind, parent.kind, 'kind');
  return insertAudited(
    tx,
    orgUnits,
    { ...options, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'org_unit', unitId: parent.id },
  );
}
