/**
 * Kinds of reporting period a tenant follows up in: quarters, tertials, the calendar halves
 * (halvår 1 and 2), the forecasts (prognos 1, 2 …), the interim accounts (delårsbokslut), the
 * annual accounts (helår), or a tenant-named custom period.
 */
export const REPORTING_PERIOD_KINDS = [
  'quarter',
  'tertial',
  'half_year',
  'forecast',
  'interim',
  'annual',
  'custom',
] as const;
export type ReportingPeriodKind = (typeof REPORTING_PERIOD_KINDS)[number];

const NAMES: Record<Exclude<ReportingPeriodKind, 'custom'>, { sv: string; en: string; numbered: boolean }> = {
  quarter: { sv: 'Kvartal', en: 'Quarter', numbered: true },
  tertial: { sv: 'Tertial', en: 'Tertial', numbered: true },
  half_year: { sv: 'Halvår', en: 'Half year', numbered: true },
  forecast: { sv: 'Prognos', en: 'Forecast', numbered: true },
  interim: { sv: 'Delår', en: 'Interim', numbered: false },
  annual: { sv: 'Helår', en: 'Full year', numbered: false },
};

/**
 * The period's name as reports print it, e.g. "Kvartal 3 2020" or "Helår 2021". A named
 * standard period (one of several delår of a year, say) prints its name, with the year
 * unless the name already says it: "Delår 1 2026".
 */
export function reportingPeriodLabel(
  period: { kind: ReportingPeriodKind; number: number | null; year: number; name: string | null },
  locale: 'sv' | 'en' = 'sv',
): string {
  if (period.kind === 'custom') return period.name ?? String(period.year);
  if (period.name) return period.name.includes(String(period.year)) ? period.name : `${period.name} ${period.year}`;
  const names = NAMES[period.kind];
  const base = names[locale];
  return names.numbered && period.number !== null
    ? `${base} ${period.number} ${period.year}`
    : `${base} ${period.year}`;
}

/** The first and last calendar day of a quarter, tertial or half of a year, as ISO dates. */
export function standardPeriodDates(
  kind: 'quarter' | 'tertial' | 'half_year',
  number: number,
  year: number,
): { startDate: string; endDate: string } {
  const months = kind === 'quarter' ? 3 : kind === 'tertial' ? 4 : 6;
  const count = 12 / months;
  if (!Number.isInteger(number) || number < 1 || number > count) {
    throw new RangeError(`${kind} number must be 1–${count}, got ${number}`);
  }
  const startMonth = (number - 1) * months + 1;
  const endMonth = startMonth + months - 1;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { startDate: `${year}-${pad(startMonth)}-01`, endDate: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

const LABEL_PATTERNS: { kind: Exclude<ReportingPeriodKind, 'custom'>; pattern: RegExp }[] = [
  { kind: 'quarter', pattern: /^(?:kvartal|quarter|q)\s*([1-4])\s+(\d{4})$/i },
  { kind: 'tertial', pattern: /^(?:tertial|t)\s*([1-3])\s+(\d{4})$/i },
  { kind: 'half_year', pattern: /^(?:halvår|half year|h)\s*([1-2])\s+(\d{4})$/i },
  { kind: 'forecast', pattern: /^(?:prognos|forecast)\s*(\d{1,2})\s+(\d{4})$/i },
  { kind: 'interim', pattern: /^(?:delår|delårsbokslut|interim)\s+(\d{4})$/i },
  { kind: 'annual', pattern: /^(?:helår|årsbokslut|full year)\s+(\d{4})$/i },
];

/** Reads a printed period name such as "Kvartal 3 2020" or "Helår 2021"; null if it is none of the standard kinds. */
export function parseReportingPeriodLabel(
  label: string,
): { kind: Exclude<ReportingPeriodKind, 'custom'>; number: number | null; year: number } | null {
  const text = label.trim().replace(/\s+/g, ' ');
  for (const { kind, pattern } of LABEL_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    return match.length === 3
      ? { kind, number: Number(match[1]), year: Number(match[2]) }
      : { kind, number: null, year: Number(match[1]) };
  }
  return null;
}

/**
 * The usual dates of a standard period: quarters and tertials by the calendar, delår from
 * 1 January to 31 August (the delårsbokslut), helår the whole year. Forecasts differ between
 * municipalities and have no default.
 */
export function defaultReportingPeriodDates(
  kind: Exclude<ReportingPeriodKind, 'custom'>,
  number: number | null,
  year: number,
): { startDate: string; endDate: string } | null {
  switch (kind) {
    case 'quarter':
    case 'tertial':
    case 'half_year':
      return number === null ? null : standardPeriodDates(kind, number, year);
    case 'interim':
      return { startDate: `${year}-01-01`, endDate: `${year}-08-31` };
    case 'annual':
      return { startDate: `${year}-01-01`, endDate: `${year}-12-31` };
    case 'forecast':
      return null;
  }
}

/**
 * The reporting period running on a date (YYYY-MM-DD), both its first and its last day
 * included; where several run (a quarter within Helår), the shortest: the one that ends first,
 * and of those the one that began last. Null when none runs.
 */
export function periodRunningOn<P extends { startDate: string; endDate: string }>(
  periods: readonly P[],
  date: string,
): P | null {
  const running = periods.filter((period) => period.startDate <= date && date <= period.endDate);
  running.sort((a, b) => a.endDate.localeCompare(b.endDate) || b.startDate.localeCompare(a.startDate));
  return running[0] ?? null;
}
