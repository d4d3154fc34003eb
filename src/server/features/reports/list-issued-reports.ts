import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { issuedReportListQuery } from '../../../domain/contracts/reports.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { issuedReports } from '../../db/schema/issued-reports.ts';
import { issuedQuery, presentIssued } from './present.ts';
import { decisionsOf } from './report-decisions.ts';

/**
 * The reports sent to the nämnd of the units the caller reads, newest first, by unit and kind
 * when asked, each with the decision taken on it.
 */
export async function listIssuedReports(db: Database, access: Access, query: z.infer<typeof issuedReportListQuery>) {
  const readable = access.readableUnitIds();
  if (query.unit) access.assertRead(query.unit);
  const rows = await issuedQuery(db)
    .where(
      and(
        eq(issuedReports.tenantId, access.tenantId),
        query.unit ? eq(issuedReports.unitId, query.unit) : undefined,
        query.kind ? eq(issuedReports.kind, query.kind) : undefined,
        readable === 'all' ? undefined : readable.length === 0 ? sql`false` : inArray(issuedReports.unitId, readable),
      ),
    )
    .orderBy(desc(issuedReports.issuedAt), desc(issuedReports.id));
  const decisions = await decisionsOf(
    db,
    access.tenantId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentIssued(row, decisions.get(row.id) ?? null));
}
