import { and, eq, isNull } from 'drizzle-orm';
import { defaultReportingPeriodDates, type ReportingPeriodKind } from '../../../domain/reporting-period.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import type { PeriodRow } from './reporting-calendar-rules.ts';

/**
 * The standard periods of a year, as reports know them by code: tertial 1–3 (2026-T1 …),
 * halvår 1–2 (2026-H1, 2026-H2) and helår (2026).
 */
export const STANDARD_PERIODS: readonly { kind: Exclude<ReportingPeriodKind, 'custom'>; number: number | null }[] = [
  { kind: 'tertial', number: 1 },
  { kind: 'tertial', number: 2 },
  { kind: 'tertial', number: 3 },
  { kind: 'half_year', number: 1 },
  { kind: 'half_year', number: 2 },
  { kind: 'annual', number: null },
];

/**
 * Gives a year its standard periods in one step, for the tenant administrator (who writes
 * periods). A period the year already has (same kind and number, without a name of its own) is
 * kept as it is, dates and all; only the missing ones are made, each with its audit event, in
 * the caller's transaction. Running it again makes nothing.
 */
export async function generateStandardPeriods(tx: Transaction, access: Access, { year }: { year: number }) {
  access.assertTenantAdministrator();
  const existing = await tx
    .select()
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.tenantId, access.tenantId),
        eq(reportingPeriods.year, year),
        isNull(reportingPeriods.name),
      ),
    );
  const created: PeriodRow[] = [];
  const kept: PeriodRow[] = [];
  for (const standard of STANDARD_PERIODS) {
    const same = existing.find((row) => row.kind === standard.kind && row.number === standard.number);
    if (same) {
      kept.push(same);
      continue;
    }
    const dates = defaultReportingPeriodDates(standard.kind, standard.number, year)!;
    created.push(
      (await insertAudited(
        tx,
        reportingPeriods,
        { tenantId: access.tenantId, kind: standard.kind, year, number: standard.number, name: null, ...dates },
        { actor: access.actor, entityType: 'reporting_period', unitId: null },
      )) as PeriodRow,
    );
  }
  return { created, kept };
}
