import { describe, expect, test } from 'vitest';
import { daysBetween, isoWeek, swedishClock } from './calendar-time.ts';

// The calendar arithmetic of the reminders, at its edges: Monday 06:00 in Sweden in winter
// (UTC+1) and summer (UTC+2) time and in the weeks the clocks change (2026: Sunday 29 March and
// Sunday 25 October at 01:00 UTC), the ISO weeks around New Year, and day counts across the
// changes. Moments are given in UTC, so the machine's time zone plays no part.

describe('the Swedish clock of the reminders', () => {
  const at = (moment: string) => swedishClock(new Date(moment));

  test('Monday 06:00 is 05:00 UTC in winter time and 04:00 UTC in summer time', () => {
    // Winter: Monday 23 March 2026, the last Monday before summer time.
    expect(at('2026-03-23T04:59:59Z')).toEqual({ date: '2026-03-23', weekday: 1, hour: 5 });
    expect(at('2026-03-23T05:00:00Z')).toEqual({ date: '2026-03-23', weekday: 1, hour: 6 });
    // Summer: Monday 30 March 2026, the day after the change.
    expect(at('2026-03-30T03:59:59Z')).toEqual({ date: '2026-03-30', weekday: 1, hour: 5 });
    expect(at('2026-03-30T04:00:00Z')).toEqual({ date: '2026-03-30', weekday: 1, hour: 6 });
    // Summer: Monday 19 October 2026, the last Monday of summer time.
    expect(at('2026-10-19T03:59:59Z')).toEqual({ date: '2026-10-19', weekday: 1, hour: 5 });
    expect(at('2026-10-19T04:00:00Z')).toEqual({ date: '2026-10-19', weekday: 1, hour: 6 });
    // Winter again: Monday 26 October 2026, the day after the change; 04:00 UTC is only 05:00.
    expect(at('2026-10-26T04:00:00Z')).toEqual({ date: '2026-10-26', weekday: 1, hour: 5 });
    expect(at('2026-10-26T04:59:59Z')).toEqual({ date: '2026-10-26', weekday: 1, hour: 5 });
    expect(at('2026-10-26T05:00:00Z')).toEqual({ date: '2026-10-26', weekday: 1, hour: 6 });
  });

  test('Sunday turns into Monday at midnight in Sweden, whichever time it is', () => {
    expect(at('2026-03-29T21:59:59Z')).toEqual({ date: '2026-03-29', weekday: 7, hour: 23 });
    expect(at('2026-03-29T22:00:00Z')).toEqual({ date: '2026-03-30', weekday: 1, hour: 0 });
    expect(at('2026-10-25T22:59:59Z')).toEqual({ date: '2026-10-25', weekday: 7, hour: 23 });
    expect(at('2026-10-25T23:00:00Z')).toEqual({ date: '2026-10-26', weekday: 1, hour: 0 });
  });

  test('the hours the clocks skip and repeat', () => {
    expect(at('2026-03-29T00:59:59Z').hour).toBe(1);
    expect(at('2026-03-29T01:00:00Z').hour).toBe(3);
    expect(at('2026-10-25T00:59:59Z').hour).toBe(2);
    expect(at('2026-10-25T01:00:00Z').hour).toBe(2);
  });
});

describe('ISO weeks', () => {
  test('begin on Monday, also in the weeks the clocks change', () => {
    expect(isoWeek('2026-03-29')).toBe('2026-W13');
    expect(isoWeek('2026-03-30')).toBe('2026-W14');
    expect(isoWeek('2026-10-25')).toBe('2026-W43');
    expect(isoWeek('2026-10-26')).toBe('2026-W44');
  });

  test('around New Year a week belongs to the year of its Thursday', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-29')).toBe('2024-W52');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2025-12-28')).toBe('2025-W52');
  });
});

describe('days between two dates', () => {
  test('count calendar days, also across a change of the clocks', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});
