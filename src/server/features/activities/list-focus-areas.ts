import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { focusAreaListQuery } from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { focusAreas } from '../../db/schema/activities.ts';

/** A page of the tenant's focus areas (fokusområden), active ones unless asked for all, in their order. */
export async function listFocusAreas(db: Database, access: Access, query: z.infer<typeof focusAreaListQuery>) {
  const rows = await db
    .select({ area: focusAreas, total: sql<number>`count(*) over ()` })
    .from(focusAreas)
    .where(
      and(eq(focusAreas.tenantId, access.tenantId), query.includeInactive ? undefined : eq(focusAreas.active, true)),
    )
    .orderBy(asc(focusAreas.sortOrder), asc(focusAreas.name))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.area), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
