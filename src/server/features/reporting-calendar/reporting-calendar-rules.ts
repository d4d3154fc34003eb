import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { defaultReportingPeriodDates, reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import type { Transaction } from '../../db/client.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

export type PeriodRow = typeof reportingPeriods.$inferSelect;

/** A tenant-wide meeting or deadline is the tenant administrator's to write; a unit's is for the unit's managers. */
export function assertMayWriteEvent(access: Access, unitId: string | null) {
  if (unitId === null) access.assertTenantAdministrator();
  else access.assertRole(unitId, MANAGING_ROLES);
}

/**
 * The events the caller sees: the tenant-wide ones and those of units they read, of a year and
 * of a unit (with the tenant-wide ones) when asked.
 */
export function visibleEvents(
  access: Access,
  query: { year?: number | undefined; unitId?: string | undefined },
): SQL | undefined {
  const units = access.readableUnitIds();
  return and(
    eq(calendarEvents.tenantId, access.tenantId),
    query.year === undefined ? undefined : eq(calendarEvents.year, query.year),
    query.unitId === undefined ? undefined : or(eq(calendarEvents.unitId, query.unitId), isNull(calendarEvents.unitId)),
    units === 'all'
      ? undefined
      : or(isNull(calendarEvents.unitId), units.length === 0 ? sql`false` : inArray(calendarEvents.unitId, units)),
  );
}

/**
 * A period's start and end date: those given, else the kind's standard dates (a quarter, a
 * tertial …; a custom period has none), with what is missing or in the wrong order as errors.
 */
export function periodDates(input: {
  kind: PeriodRow['kind'];
  number?: number | null | undefined;
  year: number;
  startDate?: string | undefined;
  endDate?: string | undefined;
}) {
  const defaults =
    input.kind === 'custom' ? null : defaultReportingPeriodDates(input.kind, input.number ?? null, input.year);
  const startDate = input.startDate ?? defaults?.startDate;
  const endDate = input.endDate ?? defaults?.endDate;
  const errors: FieldError[] = [];
  const needed = localize((m) => m.reportingCalendar.dateNeeded);
  if (!startDate) errors.push({ path: 'startDate', message: needed });
  if (!endDate) errors.push({ path: 'endDate', message: needed });
  if (startDate && endDate && endDate < startDate)
    errors.push({
      path: 'endDate',
      message: localize((m) => m.validation.endDateBeforeStartDate),
    });
  return { dates: { startDate: startDate!, endDate: endDate! }, errors };
}

/**
 * A year has one period of each kind and number unless they are named apart: a second
 * "Delår 2026" is a duplicate, "Delår 1" and "Delår 2" are two periods. Says which exists.
 */
export async function assertNoSamePeriod(
  tx: Transaction,
  tenantId: string,
  period: { id?: string; kind: PeriodRow['kind']; year: number; number: number | null; name: string | null },
) {
  const [same] = await tx
    .select()
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.tenantId, tenantId),
        eq(reportingPeriods.kind, period.kind),
        eq(reportingPeriods.year, period.year),
        sql`coalesce(${reportingPeriods.number}, 0) = ${period.number ?? 0}`,
        sql`coalesce(${reportingPeriods.name}, '') = ${period.name ?? ''}`,
        period.id === undefined ? undefined : sql`${reportingPeriods.id} <> ${period.id}`,
      ),
    );
  if (!same) return;
  throw new AppError(
    'duplicate',
    localize((m, locale) => m.reportingCalendar.periodExists(reportingPeriodLabel(same, locale))),
    [
      {
        path: 'name',
        message: localize((m) => m.reportingCalendar.nameForSeveral),
      },
    ],
    { existingId: same.id },
  );
}
