import { planPeriodCode } from '../../domain/plan.ts';
import { getCalendar, type Calendar, type Period } from '../api/reporting-calendar.ts';

export type { Calendar, Period };

/** The reporting periods of the years from `first` to `last`, by id. */
export async function loadPeriods(first: number, last: number, signal?: AbortSignal): Promise<Map<string, Period>> {
  const years = Array.from({ length: Math.min(last - first + 1, 10) }, (_, index) => first + index);
  const calendars = await Promise.all(years.map((year) => getCalendar(year, signal)));
  return new Map(calendars.flatMap((calendar) => calendar.periods).map((period) => [period.id, period]));
}

/** The same periods as a list in calendar order, the longer first where two start together (Helår before Kvartal 1). */
export async function loadPeriodList(first: number, last: number, signal?: AbortSignal): Promise<Period[]> {
  return [...(await loadPeriods(first, last, signal)).values()].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate),
  );
}

/** A plan's period as the reports take it: "2020" or "2020-2021". */
export function periodParam(plan: { startYear: number; endYear: number }): string {
  return planPeriodCode(plan);
}

/** "Kvartal 3 2020" or "Quarter 3 2020". */
export function periodLabel(period: Period | undefined, locale: string): string {
  if (!period) return '–';
  return locale === 'sv' ? period.label : period.labelEn;
}
