import type { z } from 'zod';
import type { OrgUnitNode, orgUnitTreeQuery } from '../../../domain/contracts/org-units.ts';
import type { Access } from '../../access/access.ts';
import { subtreeUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { findReadableUnit } from './find-readable-unit.ts';
import { collator, readableUnits } from './org-unit-rules.ts';
import { presentOrgUnit } from './present.ts';

/**
 * The units the caller reads as a tree, each level in its sort order: its roots are the top
 * units the caller reads, or the given root unit.
 */
export async function buildOrgUnitTree(db: Database, access: Access, query: z.infer<typeof orgUnitTreeQuery>) {
  let units = await readableUnits(db, access, query.includeArchived ?? false);
  if (query.root) {
    await findReadableUnit(db, access, { unitId: query.root });
    const subtree = new Set(await subtreeUnitIds(db, access.tenantId, query.root));
    units = units.filter((unit) => subtree.has(unit.id));
  }
  const nodes = new Map<string, OrgUnitNode>(units.map((unit) => [unit.id, { ...presentOrgUnit(unit), children: [] }]));
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sortTree = (list: OrgUnitNode[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(a.name, b.name));
    for (const node of list) sortTree(node.children);
  };
  sortTree(roots);
  return roots;
}
