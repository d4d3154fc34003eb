import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { subActivityListQuery } from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { subActivities } from '../../db/schema/activities.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';

/** A page of an activity's sub-activities, in their order, for those who read the activity. */
export async function listSubActivities(db: Database, access: Access, query: z.infer<typeof subActivityListQuery>) {
  await findItemScope(db, access, 'activity', query.activityId, 'activityId');
  const rows = await db
    .select({ sub: subActivities, total: sql<number>`count(*) over ()` })
    .from(subActivities)
    .where(
      and(
        eq(subActivities.tenantId, access.tenantId),
        eq(subActivities.activityId, query.activityId),
        query.includeArchived ? undefined : isNull(subActivities.archivedAt),
      ),
    )
    .orderBy(asc(subActivities.sortOrder), asc(subActivities.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.sub), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
