/**
 * How often a kontrollmoment is carried out. A structured frequency generates the control's
 * checkpoints (avstämningsdatum), which feed Mitt arbete and reminders.
 */
export const REGULAR_FREQUENCY_KINDS = ['once', 'monthly', 'quarterly', 'tertial', 'half_yearly', 'yearly'] as const;
export const FREQUENCY_KINDS = [...REGULAR_FREQUENCY_KINDS, 'dates'] as const;
export type FrequencyKind = (typeof FREQUENCY_KINDS)[number];

export type ControlFrequency =
  | { kind: Exclude<FrequencyKind, 'dates'> }
  | {
      kind: 'dates';
      /** The given dates (YYYY-MM-DD). */
      dates: string[];
    };

/** Months that end each period of a kind that repeats within a year. */
const PERIOD_END_MONTHS: Record<Exclude<FrequencyKind, 'once' | 'dates'>, number[]> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  quarterly: [3, 6, 9, 12],
  tertial: [4, 8, 12],
  half_yearly: [6, 12],
  yearly: [12],
};

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The checkpoint dates a frequency gives between `from` and `to` (both YYYY-MM-DD, inclusive):
 * the last day of every month, quarter, tertial, half-year or year in the span; the end of the
 * span for "once"; the given dates inside the span for "dates". Sorted, without duplicates;
 * empty when the frequency gives no date in the span.
 */
export function checkpointDates(frequency: ControlFrequency, from: string, to: string): string[] {
  if (to < from) return [];
  if (frequency.kind === 'once') return [to];
  if (frequency.kind === 'dates')
    return [...new Set(frequency.dates)].filter((date) => date >= from && date <= to).sort();
  const months = PERIOD_END_MONTHS[frequency.kind];
  const dates: string[] = [];
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++)
    for (const month of months) {
      const date = lastDayOfMonth(year, month);
      if (date >= from && date <= to) dates.push(date);
    }
  return dates;
}

/**
 * Recognises the frequency of a text as plans write it ("Varje månad", "Kvartalsvis",
 * "Per tertial", "En gång per år", "monthly" …); null when the text names none.
 */
export function frequencyFromText(text: string): ControlFrequency | null {
  const words = text.toLowerCase();
  // Tertial first: "every four months" also names months.
  const patterns: [RegExp, Exclude<FrequencyKind, 'dates'>][] = [
    [/tertial|four-month|four month/, 'tertial'],
    [/månad|månatlig|monthly|\bmonth/, 'monthly'],
    [/kvartal|quarter/, 'quarterly'],
    [/halvår|halvårs|termin|half-year|half year|semiannual|semi-annual|bi-annual/, 'half_yearly'],
    [/(^|[^a-zåäö])(årlig|årsvis|varje år)|per år|gång om året|annual|yearly|once a year|each year/, 'yearly'],
    [/en gång|engångs|\bonce\b|one-off|vid ett tillfälle/, 'once'],
  ];
  for (const [pattern, kind] of patterns) if (pattern.test(words)) return { kind };
  return null;
}

/** The kinds as municipalities write them. */
export const FREQUENCY_LABELS: Record<FrequencyKind, { sv: string; en: string }> = {
  once: { sv: 'En gång', en: 'Once' },
  monthly: { sv: 'Månadsvis', en: 'Monthly' },
  quarterly: { sv: 'Kvartalsvis', en: 'Quarterly' },
  tertial: { sv: 'Per tertial', en: 'Every four months' },
  half_yearly: { sv: 'Halvårsvis', en: 'Half-yearly' },
  yearly: { sv: 'Årligen', en: 'Yearly' },
  dates: { sv: 'Givna datum', en: 'Given dates' },
};

/** A frequency in words, for plans and reports: "Kvartalsvis", or the given dates ("Givna datum: 2026-03-31, 2026-09-30"). */
export function frequencyText(frequency: ControlFrequency, locale: 'sv' | 'en'): string {
  const label = FREQUENCY_LABELS[frequency.kind][locale];
  return frequency.kind === 'dates' ? `${label}: ${[...frequency.dates].sort().join(', ')}` : label;
}
