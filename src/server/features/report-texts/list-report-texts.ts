import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { reportTextListQuery } from '../../../domain/contracts/reports.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { reportTexts } from '../../db/schema/report-texts.ts';

/** The texts written for reports: the tenant-wide ones and those of the units the caller reads, by report kind and unit. */
export async function listReportTexts(db: Database, access: Access, query: z.infer<typeof reportTextListQuery>) {
  if (query.unit) access.assertRead(query.unit);
  const readable = access.readableUnitIds();
  return db
    .select()
    .from(reportTexts)
    .where(
      and(
        eq(reportTexts.tenantId, access.tenantId),
        query.reportKind ? eq(reportTexts.reportKind, query.reportKind) : undefined,
        query.unit ? or(isNull(reportTexts.unitId), eq(reportTexts.unitId, query.unit)) : undefined,
        readable === 'all'
          ? undefined
          : or(isNull(reportTexts.unitId), readable.length === 0 ? sql`false` : inArray(reportTexts.unitId, readable)),
      ),
    )
    .orderBy(asc(reportTexts.reportKind), asc(reportTexts.section), asc(reportTexts.year));
}
