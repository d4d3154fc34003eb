import { parsePlanPeriod } from './plan.ts';
import { parseReportingPeriodLabel } from './reporting-period.ts';

/**
 * The period a report covers, as the API, the CLI and the Rapporter screen name it:
 * - a plan year or range, "2020" or "2020-2021": everything of the plans of those years;
 * - a reporting period of the årshjul by its code: "2020-Q3" (kvartal), "2020-T2" (tertial),
 *   "2020-H1" (halvår), "2020-D" or "2020-D2" (delår, the first or the second of the year),
 *   "2020-P1" (prognos);
 * - a reporting period by its printed name, as the årshjul shows it: "Kvartal 3 2020",
 *   "Delår 1 2026", or a named period of the tenant's own ("Sommaruppföljning 2026").
 */
export type ReportPeriodRequest =
  | { type: 'years'; startYear: number; endYear: number }
  | { type: 'standard'; kind: StandardWindowKind; year: number; number: number | null }
  | { type: 'named'; name: string };

/** The kinds of reporting period a code names; `half_year` is a calendar half, the rest are the årshjul's (helår is the year). */
export type StandardWindowKind = 'quarter' | 'tertial' | 'half_year' | 'interim' | 'forecast';

const CODE = /^\s*(\d{4})\s*-\s*([QqTtHhDdPp])\s*(\d{1,2})?\s*$/;
const LIMITS: Record<string, { kind: StandardWindowKind; max: number; numberRequired: boolean }> = {
  Q: { kind: 'quarter', max: 4, numberRequired: true },
  T: { kind: 'tertial', max: 3, numberRequired: true },
  H: { kind: 'half_year', max: 2, numberRequired: true },
  D: { kind: 'interim', max: 9, numberRequired: false },
  P: { kind: 'forecast', max: 12, numberRequired: true },
};

/** The longest name of a named period one may ask for. */
const NAME_MAX = 120;

/** Reads a report period; null for text that is none of the forms (a malformed code such as "2020-Q5" included). */
export function parseReportPeriod(text: string): ReportPeriodRequest | null {
  const years = parsePlanPeriod(text);
  if (years) return { type: 'years', ...years };
  const code = CODE.exec(text);
  if (code) {
    const year = Number(code[1]);
    const limit = LIMITS[code[2]!.toUpperCase()]!;
    const number = code[3] === undefined ? null : Number(code[3]);
    if (year < 1990 || year > 2100) return null;
    if (number === null ? limit.numberRequired : number < 1 || number > limit.max) return null;
    return { type: 'standard', kind: limit.kind, year, number };
  }
  // Something that looks like a code but is not one ("2020-Q5", "2020-X1") is a mistake, not a name.
  if (/^\s*\d{4}\s*-\s*\S+\s*$/.test(text)) return null;
  const name = text.trim().replace(/\s+/g, ' ');
  if (name === '' || name.length > NAME_MAX) return null;
  const label = parseReportingPeriodLabel(name);
  if (label?.kind === 'annual') return { type: 'years', startYear: label.year, endYear: label.year };
  if (label) return { type: 'standard', kind: label.kind, year: label.year, number: label.number };
  return { type: 'named', name };
}

/** The code of a standard period ("2020-Q3"), or the years ("2020", "2020-2021"), or the name. */
export function reportPeriodCode(request: ReportPeriodRequest): string {
  switch (request.type) {
    case 'years':
      return request.startYear === request.endYear
        ? String(request.startYear)
        : `${request.startYear}-${request.endYear}`;
    case 'standard': {
      const letter = { quarter: 'Q', tertial: 'T', half_year: 'H', interim: 'D', forecast: 'P' }[request.kind];
      return `${request.year}-${letter}${request.number ?? ''}`;
    }
    case 'named':
      return request.name;
  }
}

/** The first and last day of a calendar half of a year. */
export function halfYearDates(number: 1 | 2, year: number): { startDate: string; endDate: string } {
  return number === 1
    ? { startDate: `${year}-01-01`, endDate: `${year}-06-30` }
    : { startDate: `${year}-07-01`, endDate: `${year}-12-31` };
}
