import { createRoute } from '@hono/zod-openapi';
import { idParams, page } from '../../../domain/contracts/common.ts';
import {
  roleAssignment,
  roleAssignmentCreate,
  roleAssignmentListQuery,
} from '../../../domain/contracts/role-assignments.ts';
import { createRouter } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { grantRole } from './grant-role.ts';
import { listRoleAssignments } from './list-role-assignments.ts';
import { revokeRole } from './revoke-role.ts';

const presentRoleAssignment = presentAs(roleAssignment);
const tags = ['Administration'];

/**
 * Who holds which role on which unit. Anyone reads the assignments on units they read; an
 * administrator of a unit assigns and revokes roles there (and below), except the tenant-wide
 * ones (revisor, administrator of a root unit), which only the tenant administrator gives and
 * takes (see role-assignment-rules.ts). Revoked, never deleted.
 */
export function roleAssignmentRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/role-assignments',
      tags,
      summary: 'List role assignments',
      request: { query: roleAssignmentListQuery },
      responses: { 200: json(page(roleAssignment), 'Assignments'), ...problems('validation_failed') },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { items, total } = await listRoleAssignments(c.get('database').db, c.get('access'), query);
      return c.json({ items: items.map(presentRoleAssignment), total, limit: query.limit, offset: query.offset }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/role-assignments',
      tags,
      summary:
        'Give a person a role on a unit (administrator of the unit; revisor and root administrator: tenant administrator)',
      request: jsonBody(roleAssignmentCreate),
      responses: { 201: json(roleAssignment, 'Assigned'), ...createProblems, ...problems('duplicate') },
    }),
    async (c) => {
      const access = c.get('access');
      const input = c.req.valid('json');
      const row = await c.get('database').db.transaction((tx) => grantRole(tx, access, input));
      return c.json(presentRoleAssignment(row), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/role-assignments/{id}/revoke',
      tags,
      summary: 'Revoke a role (administrator of the unit; revisor and root administrator: tenant administrator)',
      request: { params: idParams },
      responses: { 200: json(roleAssignment, 'Revoked'), ...updateProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const { id } = c.req.valid('param');
      const row = await c.get('database').db.transaction((tx) => revokeRole(tx, access, { roleAssignmentId: id }));
      return c.json(presentRoleAssignment(row), 200);
    },
  );
  return router;
}
