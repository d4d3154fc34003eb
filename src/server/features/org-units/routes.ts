import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { z } from 'zod';
import { idParams, page } from '../../../domain/contracts/common.ts';
import { orgUnit, orgUnitCreate, orgUnitListQuery, orgUnitNode, orgUnitTreeQuery, orgUnitUpdate, type OrgUnitNode } from '../../../domain/contracts/org-units.ts';
import { expectedVersion } from '../../audit/audited-writes.ts';
import { subtreeUnitIds } from '../../access/unit-tree.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { createRouter } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, problems, readProblems, updateProblems } from '../../http/openapi-helpers.ts';
import { archiveOrgUnit, createOrgUnit, findReadableUnit, updateOrgUnit } from './commands.ts';
import { presentOrgUnit } from './present.ts';

const tags = ['Organisation'];
const collator = new Intl.Collator('sv');

/** The organisation tree: list, subtree, tree, one unit, create, change, archive. */
export function orgUnitRoutes() {
  const router = createRouter();

  /** Every unit of the tenant the caller may read (units are few; filtering happens here). */
  async function readableUnits(db: Database, access: Access, includeArchived: boolean) {
    const rows = await db.select().from(orgUnits).where(eq(orgUnits.tenantId, access.tenantId));
    return rows.filter((row) => access.canRead(row.id) && (includeArchived || row.archivedAt === null));
  }

  router.openapi(
    createRoute({ method: 'get', path: '/org-units', tags, summary: 'List units (optionally one subtree)', request: { query: orgUnitListQuery }, responses: { 200: json(page(orgUnit), 'Units'), ...problems('validation_failed', 'not_found') } }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const query = c.req.valid('query');
      let units = await readableUnits(db, access, query.includeArchived ?? false);
      if (query.under) {
        await findReadableUnit(db, access, query.under);
        const subtree = new Set(await subtreeUnitIds(db, access.tenantId, query.under));
        units = units.filter((unit) => subtree.has(unit.id));
      }
      if (query.kind) units = units.filter((unit) => unit.kind === query.kind);
      const key = query.sort ?? 'name';
      const field = key.replace(/^-/, '') as 'name' | 'sortOrder' | 'kind';
      const sign = key.startsWith('-') ? -1 : 1;
      units.sort((a, b) => sign * (field === 'sortOrder' ? a.sortOrder - b.sortOrder : collator.compare(a[field], b[field])) || collator.compare(a.name, b.name));
      return c.json({ items: units.slice(query.offset, query.offset + query.limit).map(presentOrgUnit), total: units.length, limit: query.limit, offset: query.offset }, 200);
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/org-units/tree', tags, summary: 'The units the caller may read, as a tree', request: { query: orgUnitTreeQuery }, responses: { 200: json(z.array(orgUnitNode), 'The tree; its roots are the top units the caller may read'), ...problems('validation_failed', 'not_found') } }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const query = c.req.valid('query');
      let units = await readableUnits(db, access, query.includeArchived ?? false);
      if (query.root) {
        await findReadableUnit(db, access, query.root);
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
      return c.json(roots, 200);
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/org-units/{id}', tags, summary: 'One unit', request: { params: idParams }, responses: { 200: json(orgUnit, 'The unit'), ...readProblems } }),
    async (c) => {
      const unit = await findReadableUnit(c.get('database').db, c.get('access'), c.req.valid('param').id);
      c.header('etag', `"${unit.version}"`);
      return c.json(presentOrgUnit(unit), 200);
    },
  );

  router.openapi(
    createRoute({ method: 'post', path: '/org-units', tags, summary: 'Create a unit (administrator of the parent)', request: jsonBody(orgUnitCreate), responses: { 201: json(orgUnit, 'Created'), ...createProblems } }),
    async (c) => {
      const body = c.req.valid('json');
      const row = await c.get('database').db.transaction((tx) => createOrgUnit(tx, c.get('access'), body));
      return c.json(presentOrgUnit(row), 201);
    },
  );

  router.openapi(
    createRoute({ method: 'patch', path: '/org-units/{id}', tags, summary: 'Change or move a unit (administrator)', request: { params: idParams, ...jsonBody(orgUnitUpdate) }, responses: { 200: json(orgUnit, 'Changed'), ...updateProblems } }),
    async (c) => {
      const { version, ...changes } = c.req.valid('json');
      const expected = expectedVersion(version, c.req.header('if-match'));
      const row = await c.get('database').db.transaction((tx) => updateOrgUnit(tx, c.get('access'), c.req.valid('param').id, expected, changes));
      return c.json(presentOrgUnit(row), 200);
    },
  );

  for (const [action, archived] of [['archive', true], ['restore', false]] as const) {
    router.openapi(
      createRoute({ method: 'post', path: `/org-units/{id}/${action}`, tags, summary: archived ? 'Archive a unit' : 'Restore an archived unit', request: { params: idParams }, responses: { 200: json(orgUnit, archived ? 'Archived' : 'Restored'), ...problems('validation_failed', 'forbidden', 'not_found', 'conflict', 'not_yet') } }),
      async (c) => {
        const row = await c.get('database').db.transaction((tx) => archiveOrgUnit(tx, c.get('access'), c.req.valid('param').id, archived));
        return c.json(presentOrgUnit(row), 200);
      },
    );
  }
  return router;
}
