import { and, asc, between, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { deviations } from '../../db/schema/deviations.ts';
import { plans } from '../../db/schema/plans.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { plansOfYears } from '../../overview/plan-year.ts';
import type { ReportContext } from '../report-context.ts';

/**
 * Which deviations a report of deviations covers, for a query that joins each deviation to the
 * plan of its control: those not archived, of the plans of the report's years of the given units,
 * and for a reporting period those found in it.
 */
export function deviationsOfReport(context: ReportContext, units: string[]): SQL | undefined {
  return and(
    eq(deviations.tenantId, context.tenantId),
    isNull(deviations.archivedAt),
    inArray(plans.unitId, units),
    plansOfYears(context.tenantId, context.startYear, context.endYear),
    context.window ? between(deviations.foundOn, context.window.startDate, context.window.endDate) : undefined,
  );
}

/**
 * The severities a report of deviations counts by: every severity the tenant offers, and any
 * archived since that one of the report's deviations still has, mildest first.
 */
export async function severitiesOfReport(
  context: ReportContext,
  rows: { deviation: { severityId: string } }[],
): Promise<(typeof vocabularyEntries.$inferSelect)[]> {
  const entries = await context.db
    .select()
    .from(vocabularyEntries)
    .where(and(eq(vocabularyEntries.tenantId, context.tenantId), eq(vocabularyEntries.kind, 'deviation_severity')))
    .orderBy(asc(vocabularyEntries.sortOrder), asc(vocabularyEntries.labelSv));
  return entries.filter(
    (entry) => entry.archivedAt === null || rows.some((row) => row.deviation.severityId === entry.id),
  );
}
