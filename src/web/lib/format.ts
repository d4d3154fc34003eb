// Dates, numbers and sorting after the interface language (sv-SE by default).

/** A calendar date "2026-03-31" as the locale writes it (2026-03-31 in Swedish, 31 Mar 2026 in English). */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '–';
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** A moment in time, in Swedish time. */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(value));
}

export function formatNumber(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat(locale).format(value);
}

/** A comparer of texts in the locale's alphabetical order (å, ä, ö last in Swedish). */
export function textCollator(locale: string): (a: string, b: string) => number {
  return new Intl.Collator(locale, { sensitivity: 'base', numeric: true }).compare;
}

/** Any stored value as plain text: lists joined by commas, nothing as a dash. */
export function plainValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plainValue).join(', ') || '–';
  return JSON.stringify(value);
}

/** A form's text as the API takes it: null when nothing (or only spaces) was written. */
export function blankToNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}
