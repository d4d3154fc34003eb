import { and, asc, eq } from 'drizzle-orm';
import {
  halfYearDates,
  parseReportPeriod,
  reportPeriodCode,
  type ReportPeriodRequest,
  type StandardWindowKind,
} from '../../domain/report-period.ts';
import {
  defaultReportingPeriodDates,
  reportingPeriodLabel,
  type ReportingPeriodKind,
} from '../../domain/reporting-period.ts';
import type { Database } from '../db/client.ts';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';

/**
 * A part of a year a report covers: a reporting period of the årshjul (or a calendar half). The
 * report holds the follow-ups, results, deviations and meetings of these days, and says so.
 */
export interface ReportWindow {
  /** As asked: "2020-Q3", or the period's name. */
  code: string;
  /** As printed: "Kvartal 3 2020". */
  label: string;
  year: number;
  startDate: string;
  endDate: string;
  /**
   * What kind of period it is: a calendar half (`half_year`) or the årshjul's kind of the
   * period (`quarter`, `tertial`, `interim` for a delår, `forecast`, `custom` …), so a report
   * can call itself a halvårsrapport or a delårsrapport.
   */
  kind?: StandardWindowKind | ReportingPeriodKind;
}

/** The plan years a report is about and, for a reporting period, its window. */
export interface ResolvedReportPeriod {
  startYear: number;
  endYear: number;
  window: ReportWindow | null;
}

type PeriodRow = typeof reportingPeriods.$inferSelect;

/** The period a report is asked for, read from its text; 400 naming `period` for text that is no period. */
export function requireReportPeriod(text: string): ReportPeriodRequest {
  const request = parseReportPeriod(text);
  if (request) return request;
  const message = localize((m) => m.reports.notAPeriod(text.slice(0, 60)));
  throw new AppError('validation_failed', message, [{ path: 'period', message }]);
}

/**
 * Resolves the period a report is asked for against the tenant's årshjul: a quarter or tertial
 * the tenant has set up is taken with its own dates, else by the calendar; a delår by the
 * tenant's (the first, second … of the year by start), else 1 January – 31 August; a prognos
 * only as the tenant has it; a named period by its printed name in either language. 404 naming
 * `period` for a period the årshjul does not have.
 */
export async function resolveReportPeriod(
  db: Database,
  tenantId: string,
  request: ReportPeriodRequest,
  locale: 'sv' | 'en',
): Promise<ResolvedReportPeriod> {
  if (request.type === 'years') return { startYear: request.startYear, endYear: request.endYear, window: null };
  const window = await windowOf(db, tenantId, request, locale);
  if (!window) {
    const message = localize((m) => m.reports.noSuchPeriod(reportPeriodCode(request)));
    throw new AppError('not_found', message, [{ path: 'period', message }]);
  }
  return { startYear: window.year, endYear: window.year, window };
}

async function windowOf(
  db: Database,
  tenantId: string,
  request: Exclude<ReportPeriodRequest, { type: 'years' }>,
  locale: 'sv' | 'en',
): Promise<ReportWindow | null> {
  const code = reportPeriodCode(request);
  const fromRow = (row: PeriodRow): ReportWindow => ({
    code,
    label: reportingPeriodLabel(row, locale),
    year: row.year,
    startDate: row.startDate,
    endDate: row.endDate,
    kind: row.kind,
  });
  if (request.type === 'named') {
    const rows = await db
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.tenantId, tenantId))
      .orderBy(asc(reportingPeriods.startDate));
    const wanted = request.name.toLocaleLowerCase('sv');
    const matches = rows.filter((row) =>
      [reportingPeriodLabel(row, 'sv'), reportingPeriodLabel(row, 'en'), row.name ?? ''].some(
        (name) => name.toLocaleLowerCase('sv') === wanted,
      ),
    );
    // Two periods of one name (in different years) are not a choice a report can make.
    return matches.length === 1 ? fromRow(matches[0]!) : null;
  }
  const { kind, year, number } = request;
  const rows = await db
    .select()
    .from(reportingPeriods)
    .where(
      and(eq(reportingPeriods.tenantId, tenantId), eq(reportingPeriods.kind, kind), eq(reportingPeriods.year, year)),
    )
    .orderBy(asc(reportingPeriods.startDate));
  if (kind === 'half_year') {
    // A halvår the årshjul has, with its dates; else the calendar half.
    const row = rows.find((candidate) => candidate.number === number);
    if (row) return fromRow(row);
    const dates = halfYearDates(number as 1 | 2, year);
    return { code, label: halfYearLabel(number as 1 | 2, year, locale), year, ...dates, kind };
  }
  if (kind === 'interim') {
    // The delår of the year in the order they run; "2020-D" is the first.
    const row = rows[(number ?? 1) - 1];
    if (row) return fromRow(row);
    const dates = number === null || number === 1 ? defaultReportingPeriodDates('interim', null, year) : null;
    return dates
      ? { code, label: reportingPeriodLabel({ kind, number: null, year, name: null }, locale), year, ...dates, kind }
      : null;
  }
  const row = rows.find((candidate) => candidate.number === number);
  if (row) return fromRow(row);
  const dates = kind === 'forecast' ? null : defaultReportingPeriodDates(kind, number, year);
  return dates
    ? { code, label: reportingPeriodLabel({ kind, number, year, name: null }, locale), year, ...dates, kind }
    : null;
}

function halfYearLabel(number: 1 | 2, year: number, locale: 'sv' | 'en'): string {
  return locale === 'sv' ? `Halvår ${number} ${year}` : `Half year ${number} ${year}`;
}

/** Whether a date (YYYY-MM-DD) lies in the window, both ends included. */
export function inWindow(
  window: Pick<ReportWindow, 'startDate' | 'endDate'>,
  date: string | null | undefined,
): boolean {
  return typeof date === 'string' && window.startDate <= date && date <= window.endDate;
}
