import { describe, expect, test } from 'vitest';
import { currentYearInSweden, fixedClock, swedishDateOf, todayInSweden } from './clock.ts';
import { parsePlanPeriod } from './plan.ts';
import { defaultReportingPeriodDates, periodRunningOn, standardPeriodDates } from './reporting-period.ts';

// The edges of the date rules: the day before, the day of and the day after, in Sweden's time
// zone, and across the changes to and from summer time (2026: Sunday 29 March at 01:00 UTC,
// 02:00 → 03:00; Sunday 25 October at 01:00 UTC, 03:00 → 02:00). Every moment is written in UTC,
// so nothing here depends on the time zone of the machine that runs the tests.

describe('today in Sweden at the edges of a day', () => {
  const today = (moment: string) => swedishDateOf(new Date(moment));

  test('in winter time (UTC+1) the day turns at 23:00 UTC', () => {
    expect(today('2026-02-10T22:59:59.999Z')).toBe('2026-02-10');
    expect(today('2026-02-10T23:00:00Z')).toBe('2026-02-11');
  });

  test('in summer time (UTC+2) the day turns at 22:00 UTC', () => {
    expect(today('2026-07-10T21:59:59.999Z')).toBe('2026-07-10');
    expect(today('2026-07-10T22:00:00Z')).toBe('2026-07-11');
  });

  test('the day summer time begins (last Sunday of March) begins at 23:00 UTC and ends at 22:00 UTC: 23 hours', () => {
    expect(today('2026-03-28T22:59:59Z')).toBe('2026-03-28');
    expect(today('2026-03-28T23:00:00Z')).toBe('2026-03-29');
    // 00:59 UTC is 01:59 in winter time; 01:00 UTC is already 03:00 in summer time: still the same day.
    expect(today('2026-03-29T00:59:59Z')).toBe('2026-03-29');
    expect(today('2026-03-29T01:00:00Z')).toBe('2026-03-29');
    expect(today('2026-03-29T21:59:59Z')).toBe('2026-03-29');
    expect(today('2026-03-29T22:00:00Z')).toBe('2026-03-30');
  });

  test('the day summer time ends (last Sunday of October) begins at 22:00 UTC and ends at 23:00 UTC: 25 hours', () => {
    expect(today('2026-10-24T21:59:59Z')).toBe('2026-10-24');
    expect(today('2026-10-24T22:00:00Z')).toBe('2026-10-25');
    expect(today('2026-10-25T00:59:59Z')).toBe('2026-10-25');
    expect(today('2026-10-25T01:00:00Z')).toBe('2026-10-25');
    expect(today('2026-10-25T22:59:59Z')).toBe('2026-10-25');
    expect(today('2026-10-25T23:00:00Z')).toBe('2026-10-26');
  });

  test('the year turns at 23:00 UTC on New Year’s Eve, by the clock given', () => {
    expect(todayInSweden(fixedClock('2026-12-31T22:59:59.999Z'))).toBe('2026-12-31');
    expect(currentYearInSweden(fixedClock('2026-12-31T22:59:59.999Z'))).toBe(2026);
    expect(todayInSweden(fixedClock('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(currentYearInSweden(fixedClock('2026-12-31T23:00:00Z'))).toBe(2027);
    // A leap day exists in Sweden when it exists: 29 February 2028 from 23:00 UTC on the 28th.
    expect(today('2028-02-28T23:00:00Z')).toBe('2028-02-29');
    expect(today('2028-02-29T23:00:00Z')).toBe('2028-03-01');
  });
});

describe('the dates of standard reporting periods', () => {
  test('quarters and tertials begin on the first and end on the last day of their months', () => {
    const cases: [kind: 'quarter' | 'tertial', number: number, start: string, end: string][] = [
      ['quarter', 1, '2026-01-01', '2026-03-31'],
      ['quarter', 2, '2026-04-01', '2026-06-30'],
      ['quarter', 3, '2026-07-01', '2026-09-30'],
      ['quarter', 4, '2026-10-01', '2026-12-31'],
      ['tertial', 1, '2026-01-01', '2026-04-30'],
      ['tertial', 2, '2026-05-01', '2026-08-31'],
      ['tertial', 3, '2026-09-01', '2026-12-31'],
    ];
    for (const [kind, number, startDate, endDate] of cases)
      expect(standardPeriodDates(kind, number, 2026), `${kind} ${number}`).toEqual({ startDate, endDate });
  });

  test('the periods of a kind follow each other without a gap or an overlap and cover the year, leap years too', () => {
    const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const year of [2024, 2026, 2100]) {
      for (const [kind, count] of [
        ['quarter', 4],
        ['tertial', 3],
      ] as const) {
        const periods = Array.from({ length: count }, (_, index) => standardPeriodDates(kind, index + 1, year));
        expect(periods[0]!.startDate).toBe(`${year}-01-01`);
        expect(periods.at(-1)!.endDate).toBe(`${year}-12-31`);
        for (let index = 1; index < count; index += 1)
          expect(periods[index]!.startDate, `${kind} ${index + 1} ${year}`).toBe(nextDay(periods[index - 1]!.endDate));
      }
    }
  });

  test('a number outside the year’s periods is refused', () => {
    for (const [kind, number] of [
      ['quarter', 0],
      ['quarter', 5],
      ['quarter', 1.5],
      ['tertial', 0],
      ['tertial', 4],
    ] as const) {
      expect(() => standardPeriodDates(kind, number, 2026), `${kind} ${number}`).toThrow(RangeError);
    }
    expect(standardPeriodDates('quarter', 4, 2026).endDate).toBe('2026-12-31');
    expect(standardPeriodDates('tertial', 3, 2026).endDate).toBe('2026-12-31');
  });

  test('delår runs 1 January to 31 August and helår the whole year', () => {
    expect(defaultReportingPeriodDates('interim', null, 2026)).toEqual({
      startDate: '2026-01-01',
      endDate: '2026-08-31',
    });
    expect(defaultReportingPeriodDates('annual', null, 2026)).toEqual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(defaultReportingPeriodDates('quarter', null, 2026)).toBeNull();
  });
});

describe('the period a date falls in', () => {
  const period = (name: string, startDate: string, endDate: string) => ({ name, startDate, endDate });
  const periods = [
    period('Helår 2026', '2026-01-01', '2026-12-31'),
    period('Delår 2026', '2026-01-01', '2026-08-31'),
    period('Kvartal 1 2026', '2026-01-01', '2026-03-31'),
    period('Kvartal 2 2026', '2026-04-01', '2026-06-30'),
    period('Tertial 3 2026', '2026-09-01', '2026-12-31'),
  ];
  const runningOn = (date: string) => periodRunningOn(periods, date)?.name ?? null;

  test('its first and its last day belong to a period; the days around them do not', () => {
    expect(runningOn('2025-12-31')).toBeNull();
    expect(runningOn('2026-01-01')).toBe('Kvartal 1 2026');
    expect(runningOn('2026-03-31')).toBe('Kvartal 1 2026');
    expect(runningOn('2026-04-01')).toBe('Kvartal 2 2026');
    expect(runningOn('2026-06-30')).toBe('Kvartal 2 2026');
    expect(runningOn('2027-01-01')).toBeNull();
  });

  test('of the periods running, the shortest: the one that ends first, then the one that began last', () => {
    expect(runningOn('2026-07-01')).toBe('Delår 2026');
    expect(runningOn('2026-08-31')).toBe('Delår 2026');
    expect(runningOn('2026-09-01')).toBe('Tertial 3 2026');
    // Helår and Tertial 3 both end on 31 December: Tertial 3 began later.
    expect(runningOn('2026-12-31')).toBe('Tertial 3 2026');
    expect(periodRunningOn([periods[0]!, periods[4]!].reverse(), '2026-12-31')?.name).toBe('Tertial 3 2026');
  });

  test('no periods, no period', () => {
    expect(periodRunningOn([], '2026-05-01')).toBeNull();
  });
});

describe('the years a plan may have', () => {
  test('from 1990 to 2100, a range never backwards', () => {
    expect(parsePlanPeriod('1990')).toEqual({ startYear: 1990, endYear: 1990 });
    expect(parsePlanPeriod('1989')).toBeNull();
    expect(parsePlanPeriod('2100')).toEqual({ startYear: 2100, endYear: 2100 });
    expect(parsePlanPeriod('2101')).toBeNull();
    expect(parsePlanPeriod('2099-2100')).toEqual({ startYear: 2099, endYear: 2100 });
    expect(parsePlanPeriod('2100-2101')).toBeNull();
    expect(parsePlanPeriod('2026-2026')).toEqual({ startYear: 2026, endYear: 2026 });
    expect(parsePlanPeriod('2026-2025')).toBeNull();
  });
});
