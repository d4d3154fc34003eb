import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { idParams, page } from '../../../domain/contracts/common.ts';
import { roleAssignment, roleAssignmentCreate, roleAssignmentListQuery } from '../../../domain/contracts/role-assignments.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { assertMayGrant } from './grant-policy.ts';

const presentRoleAssignment = presentAs(roleAssignment);
const tags = ['Administration'];

/**
 * Who holds which role on which unit. Anyone reads the assignments on units they read; an
 * administrator of a unit assigns and revokes roles there (and below), except the tenant-wide
 * ones (revisor, administrator of a root unit), which only the tenant administrator gives and
 * takes (see grant-policy.ts). Revoked, never deleted.
 */
export function roleAssignmentRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({ method: 'get', path: '/role-assignments', tags, summary: 'List role assignments', request: { query: roleAssignmentListQuery }, responses: { 200: json(page(roleAssignment), 'Assignments'), ...problems('validation_failed') } }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const query = c.req.valid('query');
      const where: (SQL | undefined)[] = [eq(roleAssignments.tenantId, access.tenantId)];
      const units = access.readableUnitIds();
      if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(roleAssignments.unitId, units));
      if (query.userId) where.push(eq(roleAssignments.userId, query.userId));
      if (query.unitId) where.push(eq(roleAssignments.unitId, query.unitId));
      if (!query.includeRevoked) where.push(isNull(roleAssignments.revokedAt));
      const rows = await db
        .select({ assignment: roleAssignments, total: sql<number>`count(*) over ()` })
        .from(roleAssignments)
        .where(and(...where))
        .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id))
        .limit(query.limit)
        .offset(query.offset);
      return c.json({ items: rows.map((row) => presentRoleAssignment(row.assignment)), total: rows.length > 0 ? Number(rows[0]!.total) : 0, limit: query.limit, offset: query.offset }, 200);
    },
  );

  router.openapi(
    createRoute({ method: 'post', path: '/role-assignments', tags, summary: 'Give a person a role on a unit (administrator of the unit; revisor and root administrator: tenant administrator)', request: jsonBody(roleAssignmentCreate), responses: { 201: json(roleAssignment, 'Assigned'), ...createProblems, ...problems('duplicate') } }),
    async (c) => {
      const access = c.get('access');
      const input = c.req.valid('json');
      const row = await c.get('database').db.transaction(async (tx) => {
        const [unit] = await tx.select({ id: orgUnits.id, parentId: orgUnits.parentId }).from(orgUnits).where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, input.unitId)));
        if (!unit || !access.canRead(unit.id)) throw new AppError('validation_failed', undefined, [{ path: 'unitId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
        await assertMayGrant(tx, access, unit, input.role, 'give');
        const [person] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, access.tenantId), eq(users.id, input.userId)));
        if (!person) throw new AppError('validation_failed', undefined, [{ path: 'userId', message: { sv: 'Personen finns inte.', en: 'The person does not exist.' } }]);
        const [existing] = await tx
          .select({ id: roleAssignments.id })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.tenantId, access.tenantId), eq(roleAssignments.userId, input.userId), eq(roleAssignments.unitId, input.unitId), eq(roleAssignments.role, input.role), isNull(roleAssignments.revokedAt)));
        if (existing) throw new AppError('duplicate', { sv: 'Personen har redan den rollen på enheten.', en: 'The person already has that role on the unit.' });
        const [created] = await tx.insert(roleAssignments).values({ ...input, tenantId: access.tenantId }).returning();
        await recordAuditEvents(tx, access.actor, [
          { entityType: 'role_assignment', entityId: created!.id, operation: 'create', unitId: unit.id, changes: { userId: [null, input.userId], unitId: [null, input.unitId], role: [null, input.role] } },
        ]);
        return created!;
      });
      return c.json(presentRoleAssignment(row), 201);
    },
  );

  router.openapi(
    createRoute({ method: 'post', path: '/role-assignments/{id}/revoke', tags, summary: 'Revoke a role (administrator of the unit; revisor and root administrator: tenant administrator)', request: { params: idParams }, responses: { 200: json(roleAssignment, 'Revoked'), ...updateProblems } }),
    async (c) => {
      const access = c.get('access');
      const { id } = c.req.valid('param');
      const row = await c.get('database').db.transaction(async (tx) => {
        const [current] = await tx.select().from(roleAssignments).where(and(eq(roleAssignments.tenantId, access.tenantId), eq(roleAssignments.id, id)));
        if (!current || !access.canRead(current.unitId)) throw new AppError('not_found');
        const [unit] = await tx.select({ id: orgUnits.id, parentId: orgUnits.parentId }).from(orgUnits).where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, current.unitId)));
        await assertMayGrant(tx, access, unit!, current.role, 'revoke');
        if (current.revokedAt) return current;
        const [revoked] = await tx.update(roleAssignments).set({ revokedAt: sql`now()` }).where(and(eq(roleAssignments.tenantId, access.tenantId), eq(roleAssignments.id, id))).returning();
        await recordAuditEvents(tx, access.actor, [{ entityType: 'role_assignment', entityId: id, operation: 'revoke', unitId: current.unitId, changes: { revokedAt: [null, revoked!.revokedAt] } }]);
        return revoked!;
      });
      return c.json(presentRoleAssignment(row), 200);
    },
  );
  return router;
}
