import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { statusListQuery } from '../../../domain/contracts/statuses.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { statuses } from '../../db/schema/statuses.ts';

/** A page of the tenant's statuses in their sort order, the inactive ones only if asked. */
export async function listStatuses(db: Database, access: Access, query: z.infer<typeof statusListQuery>) {
  const rows = await db
    .select({ status: statuses, total: sql<number>`count(*) over ()` })
    .from(statuses)
    .where(and(eq(statuses.tenantId, access.tenantId), query.includeInactive ? undefined : eq(statuses.active, true)))
    .orderBy(asc(statuses.sortOrder), asc(statuses.key))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.status), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
