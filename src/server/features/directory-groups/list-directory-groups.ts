import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { directoryGroupListQuery } from '../../../domain/contracts/scim.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { directoryGroupMembers, directoryGroups } from '../../db/schema/directory.ts';

/**
 * The groups the directory has provisioned and not deleted, by name, each with how many people
 * are in it now (tenant administrator): what an administrator writes role-mapping rules for.
 */
export async function listDirectoryGroups(
  db: Database,
  access: Access,
  query: z.infer<typeof directoryGroupListQuery>,
) {
  access.assertTenantAdministrator();
  const memberCount = db
    .select({ groupId: directoryGroupMembers.groupId, count: sql<number>`count(*)`.as('member_count') })
    .from(directoryGroupMembers)
    .where(and(eq(directoryGroupMembers.tenantId, access.tenantId), isNull(directoryGroupMembers.endedAt)))
    .groupBy(directoryGroupMembers.groupId)
    .as('member_counts');
  const rows = await db
    .select({
      group: directoryGroups,
      memberCount: sql<number>`coalesce(${memberCount.count}, 0)`,
      total: sql<number>`count(*) over ()`,
    })
    .from(directoryGroups)
    .leftJoin(memberCount, eq(memberCount.groupId, directoryGroups.id))
    .where(and(eq(directoryGroups.tenantId, access.tenantId), isNull(directoryGroups.archivedAt)))
    .orderBy(asc(sql`lower(${directoryGroups.displayName})`), asc(directoryGroups.id))
    .limit(query.limit)
    .offset(query.offset);
  return {
    items: rows.map((row) => ({ ...row.group, memberCount: Number(row.memberCount) })),
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
  };
}
