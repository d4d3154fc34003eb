/**
 * Values as people type them into the cells of a plan: dates in the forms Swedish offices write
 * (and Excel's own serial numbers), numbers with a decimal comma and spaces between the
 * thousands, and several people in one cell. Each parser returns null for what it cannot read
 * with certainty, so that the caller can name the cell; it never guesses between two readings.
 */

/** Month names and abbreviations, Swedish and English, folded (lower case, no accents or dots). */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['januari', 'jan', 'january'],
      ['februari', 'feb', 'febr', 'february'],
      ['mars', 'mar', 'march'],
      ['april', 'apr'],
      ['maj', 'may'],
      ['juni', 'jun', 'june'],
      ['juli', 'jul', 'july'],
      ['augusti', 'aug', 'august'],
      ['september', 'sep', 'sept'],
      ['oktober', 'okt', 'oct', 'october'],
      ['november', 'nov'],
      ['december', 'dec'],
    ] as const
  ).flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

/** Serial numbers below this are more likely a year or a count than a date (10000 is 1927-05-18). */
const SMALLEST_TYPED_SERIAL = 10000;
/** 9999-12-31, the last day Excel knows. */
const LARGEST_SERIAL = 2958465;

/**
 * A date as a person typed it, as ISO `YYYY-MM-DD`; null if it is not a date that exists.
 *
 * Understood: 2020-03-05 (also with a time, 2020-03-05 00:00 or 2020-03-05T10:30), 2020/03/05,
 * 20200305; day before month as in Sweden: 5/3 2020, 5/3-2020, 5/3/2020, 05.03.2020, 05-03-2020;
 * month names and abbreviations in Swedish and English: 5 mars 2020, 5:e mars 2020, 5 Mar 2020,
 * 5 March 2020, March 5, 2020, Mar. 5 2020; and Excel serial numbers (43895 is 2020-03-05), in
 * the 1900 date system with its leap-year bug, from 10000 on (smaller numbers are years or
 * counts). A year of two digits is not read: 5/3-20 could be 1920 or 2020.
 */
export function parseTypedDate(text: string): string | null {
  let value = text
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (value === '') return null;

  const serial = /^(\d{5,7})(?:[.,]\d+)?$/.exec(value);
  if (serial) {
    const number = Number(serial[1]);
    return number >= SMALLEST_TYPED_SERIAL ? excelSerialToIsoDate(number) : null;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));

  // A time of day after the date: "2020-03-05 00:00", "2020-03-05T10:30:00", "5/3 2020 kl. 10.00".
  value = value.replace(/(?:T| (?:kl\.? ?)?)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?: ?Z)?$/i, '');

  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (yearFirst) return isoDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));

  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-]| |\/ |- )(\d{4})$/.exec(value);
  if (dayFirst) return isoDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));

  const folded = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "5 mars 2020", "5:e mars 2020", "5th March 2020", "den 5 mars 2020".
  const dayMonth = /^(?:den )?(\d{1,2})(?::?[ae]|st|nd|rd|th)? ([a-z]+),? (\d{4})$/.exec(folded);
  if (dayMonth) {
    const month = MONTHS.get(dayMonth[2]!);
    return month === undefined ? null : isoDate(Number(dayMonth[3]), month, Number(dayMonth[1]));
  }
  // "March 5, 2020", "Mar 5 2020".
  const monthDay = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(folded);
  if (monthDay) {
    const month = MONTHS.get(monthDay[1]!);
    return month === undefined ? null : isoDate(Number(monthDay[3]), month, Number(monthDay[2]));
  }
  return null;
}

/**
 * The day an Excel serial number stands for, in the 1900 date system: 1 is 1900-01-01, and
 * Excel counts a 29 February 1900 that never was (serial 60, for which null is returned), so
 * from 61 on the days are one fewer than counted. A fraction (the time of day) is ignored.
 */
export function excelSerialToIsoDate(serial: number): string | null {
  const days = Math.floor(serial);
  if (!Number.isFinite(serial) || days < 1 || days > LARGEST_SERIAL || days === 60) return null;
  // Day 0 of the count is 1899-12-31 before the phantom leap day, 1899-12-30 after it.
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A number as a person typed it; null if the text is anything more than a number.
 *
 * The decimal sign is a comma or a point ("3,5", "3.5"); groups of three digits may be set apart
 * by spaces (also no-break and thin spaces) or, when the other sign is the decimal one, by points
 * or commas ("1 234,5", "1.234,5", "1,234.5"). A single comma or point is always the decimal
 * sign, as in Swedish ("1,234" is 1.234). A minus sign may be "-" or "−". Units and words
 * ("3 st", "ca 5") are not read.
 */
export function parseTypedNumber(text: string): number | null {
  let value = text
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .trim()
    .replace(/^[−–]/, '-');
  if (!/^[-+]?\d[\d ]*(?:[.,][\d ]*\d)*$/.test(value)) {
    if (!/^[-+]?[.,]\d+$/.test(value)) return null;
  }
  // Spaces only between groups of three digits.
  if (/ /.test(value) && !/^[-+]?\d{1,3}(?: \d{3})*(?:[.,]\d+)?$/.test(value)) return null;
  value = value.replace(/ /g, '');
  const commas = (value.match(/,/g) ?? []).length;
  const points = (value.match(/\./g) ?? []).length;
  if (commas > 0 && points > 0) {
    const decimal = value.lastIndexOf(',') > value.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [whole, fraction, ...rest] = value.split(decimal);
    if (rest.length > 0 || fraction === undefined || fraction.includes(group)) return null;
    if (!new RegExp(`^[-+]?\\d{1,3}(?:\\${group}\\d{3})+$`).test(whole!)) return null;
    value = `${whole!.split(group).join('')}.${fraction}`;
  } else if (commas + points > 1) {
    return null;
  } else {
    value = value.replace(',', '.');
  }
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * The people named in a cell, in order: names set apart by commas, semicolons, slashes, line
 * breaks, "och", "and" or "&", each on its own or as a list ("- Anna", "• Bo"). A title in
 * brackets after a name is dropped ("Anna Berg (ekonomichef)" is Anna Berg); a comma inside the
 * brackets does not split. The same name twice is kept once.
 */
export function splitPeople(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  const normalised = text.replace(/[\u00a0\u202f]/g, ' ').replace(/\r\n?/g, '\n');
  for (let index = 0; index < normalised.length; index++) {
    const character = normalised[index]!;
    if (character === '(' || character === '[') depth++;
    else if ((character === ')' || character === ']') && depth > 0) depth--;
    if (depth === 0 && /[,;/\n]/.test(character)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += character;
  }
  parts.push(current);
  const names: string[] = [];
  for (const part of parts)
    for (const piece of part.split(/\s+(?:och|and|&)\s+/i)) {
      const name = piece
        .replace(/^\s*(?:[-•·*–▪◦]|\d+[.)])\s+/, '')
        .replace(/\s*[([][^)\]]*[)\]]\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (name !== '' && !names.includes(name)) names.push(name);
    }
  return names;
}
