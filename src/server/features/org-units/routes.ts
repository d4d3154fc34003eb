import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idParams, page } from '../../../domain/contracts/common.ts';
import {
  orgUnit,
  orgUnitCreate,
  orgUnitListQuery,
  orgUnitNode,
  orgUnitTreeQuery,
  orgUnitUpdate,
} from '../../../domain/contracts/org-units.ts';
import { expectedVersion } from '../../audit/audited-writes.ts';
import { createRouter } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, problems, readProblems, updateProblems } from '../../http/openapi-helpers.ts';
import { archiveOrgUnit } from './archive-org-unit.ts';
import { buildOrgUnitTree } from './build-org-unit-tree.ts';
import { createOrgUnit } from './create-org-unit.ts';
import { findReadableUnit } from './find-readable-unit.ts';
import { listOrgUnits } from './list-org-units.ts';
import { presentOrgUnit } from './present.ts';
import { updateOrgUnit } from './update-org-unit.ts';

const tags = ['Organisation'];

/** The organisation tree: list, subtree, tree, one unit, create, change, archive. */
export function orgUnitRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/org-units',
      tags,
      summary: 'List units (optionally one subtree)',
      request: { query: orgUnitListQuery },
      responses: { 200: json(page(orgUnit), 'Units'), ...problems('validation_failed', 'not_found') },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { items, total } = await listOrgUnits(c.get('database').db, c.get('access'), query);
      return c.json({ items: items.map(presentOrgUnit), total, limit: query.limit, offset: query.offset }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/org-units/tree',
      tags,
      summary: 'The units the caller may read, as a tree',
      request: { query: orgUnitTreeQuery },
      responses: {
        200: json(z.array(orgUnitNode), 'The tree; its roots are the top units the caller may read'),
        ...problems('validation_failed', 'not_found'),
      },
    }),
    async (c) => c.json(await buildOrgUnitTree(c.get('database').db, c.get('access'), c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/org-units/{id}',
      tags,
      summary: 'One unit',
      request: { params: idParams },
      responses: { 200: json(orgUnit, 'The unit'), ...readProblems },
    }),
    async (c) => {
      const unit = await findReadableUnit(c.get('database').db, c.get('access'), { unitId: c.req.valid('param').id });
      c.header('etag', `"${unit.version}"`);
      return c.json(presentOrgUnit(unit), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/org-units',
      tags,
      summary: 'Create a unit (administrator of the parent)',
      request: jsonBody(orgUnitCreate),
      responses: { 201: json(orgUnit, 'Created'), ...createProblems },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const row = await c.get('database').db.transaction((tx) => createOrgUnit(tx, c.get('access'), body));
      return c.json(presentOrgUnit(row), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/org-units/{id}',
      tags,
      summary: 'Change or move a unit (administrator)',
      request: { params: idParams, ...jsonBody(orgUnitUpdate) },
      responses: { 200: json(orgUnit, 'Changed'), ...updateProblems },
    }),
    async (c) => {
      const { version, ...changes } = c.req.valid('json');
      const expected = expectedVersion(version, c.req.header('if-match'));
      const row = await c
        .get('database')
        .db.transaction((tx) =>
          updateOrgUnit(tx, c.get('access'), { unitId: c.req.valid('param').id, version: expected, changes }),
        );
      return c.json(presentOrgUnit(row), 200);
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/org-units/{id}/${action}`,
        tags,
        summary: archived ? 'Archive a unit' : 'Restore an archived unit',
        request: { params: idParams },
        responses: {
          200: json(orgUnit, archived ? 'Archived' : 'Restored'),
          ...problems('validation_failed', 'forbidden', 'not_found', 'conflict', 'not_yet'),
        },
      }),
      async (c) => {
        const row = await c
          .get('database')
          .db.transaction((tx) => archiveOrgUnit(tx, c.get('access'), { unitId: c.req.valid('param').id, archived }));
        return c.json(presentOrgUnit(row), 200);
      },
    );
  }
  return router;
}
