import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { AppError } from '../../errors.ts';
import type { PeriodRow } from './reporting-calendar-rules.ts';

export interface FindReportingPeriodOptions {
  periodId: string;
}

/** A reporting period of the caller's tenant (everyone reads the periods); otherwise not found. */
export async function findReportingPeriod(
  db: Database,
  access: Access,
  { periodId }: FindReportingPeriodOptions,
): Promise<PeriodRow> {
  const [row] = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.tenantId, access.tenantId), eq(reportingPeriods.id, periodId)));
  if (!row) throw new AppError('not_found');
  return row;
}
