import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { roleAssignmentListQuery } from '../../../domain/contracts/role-assignments.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';

/** A page of the role assignments on the units the caller reads, by person and unit, the revoked ones only if asked, oldest first. */
export async function listRoleAssignments(
  db: Database,
  access: Access,
  query: z.infer<typeof roleAssignmentListQuery>,
) {
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
  return { items: rows.map((row) => row.assignment), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
