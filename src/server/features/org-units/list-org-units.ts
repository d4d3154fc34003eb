import type { z } from 'zod';
import type { orgUnitListQuery } from '../../../domain/contracts/org-units.ts';
import type { Access } from '../../access/access.ts';
import { subtreeUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { findReadableUnit } from './find-readable-unit.ts';
import { collator, readableUnits } from './org-unit-rules.ts';

/** A page of the units the caller reads, optionally one subtree and one kind, sorted by name, sort order or kind. */
export async function listOrgUnits(db: Database, access: Access, query: z.infer<typeof orgUnitListQuery>) {
  let units = await readableUnits(db, access, query.includeArchived ?? false);
  if (query.under) {
    await findReadableUnit(db, access, { unitId: query.under });
    const subtree = new Set(await subtreeUnitIds(db, access.tenantId, query.under));
    units = units.filter((unit) => subtree.has(unit.id));
  }
  if (query.kind) units = units.filter((unit) => unit.kind === query.kind);
  const key = query.sort ?? 'name';
  const field = key.replace(/^-/, '') as 'name' | 'sortOrder' | 'kind';
  const sign = key.startsWith('-') ? -1 : 1;
  units.sort(
    (a, b) =>
      sign * (field === 'sortOrder' ? a.sortOrder - b.sortOrder : collator.compare(a[field], b[field])) ||
      collator.compare(a.name, b.name),
  );
  return { items: units.slice(query.offset, query.offset + query.limit), total: units.length };
}
