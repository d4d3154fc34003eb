import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { periodListQuery } from '../../../domain/contracts/reporting-calendar.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';

/** A page of the tenant's reporting periods, of a year if asked, in date order. */
export async function listReportingPeriods(db: Database, access: Access, query: z.infer<typeof periodListQuery>) {
  const rows = await db
    .select({ period: reportingPeriods, total: sql<number>`count(*) over ()` })
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.tenantId, access.tenantId),
        query.year === undefined ? undefined : eq(reportingPeriods.year, query.year),
      ),
    )
    .orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.endDate), asc(reportingPeriods.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.period), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
