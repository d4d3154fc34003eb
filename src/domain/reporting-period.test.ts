import { describe, expect, test } from 'vitest';
import {
  defaultReportingPeriodDates,
  parseReportingPeriodLabel,
  reportingPeriodLabel,
  standardPeriodDates,
} from './reporting-period.ts';

const period = (
  kind: Parameters<typeof reportingPeriodLabel>[0]['kind'],
  number: number | null,
  year: number,
  name: string | null = null,
) => ({ kind, number, year, name });

describe('the printed name of a reporting period', () => {
  test('every standard kind, in Swedish and English', () => {
    expect(reportingPeriodLabel(period('quarter', 2, 2026))).toBe('Kvartal 2 2026');
    expect(reportingPeriodLabel(period('quarter', 2, 2026), 'en')).toBe('Quarter 2 2026');
    expect(reportingPeriodLabel(period('tertial', 1, 2026))).toBe('Tertial 1 2026');
    expect(reportingPeriodLabel(period('tertial', 1, 2026), 'en')).toBe('Tertial 1 2026');
    expect(reportingPeriodLabel(period('forecast', 2, 2026))).toBe('Prognos 2 2026');
    expect(reportingPeriodLabel(period('forecast', 2, 2026), 'en')).toBe('Forecast 2 2026');
    expect(reportingPeriodLabel(period('interim', null, 2026))).toBe('Delår 2026');
    expect(reportingPeriodLabel(period('interim', null, 2026), 'en')).toBe('Interim 2026');
    expect(reportingPeriodLabel(period('annual', null, 2026))).toBe('Helår 2026');
  });

  test('a numbered kind without its number prints the kind and the year', () => {
    expect(reportingPeriodLabel(period('quarter', null, 2026))).toBe('Kvartal 2026');
  });

  test('an unnumbered kind never prints a number, even when one is stored', () => {
    expect(reportingPeriodLabel(period('interim', 1, 2026))).toBe('Delår 2026');
  });

  test('a named standard period prints its name, with the year unless the name says it', () => {
    expect(reportingPeriodLabel(period('interim', null, 2026, 'Delår 1'))).toBe('Delår 1 2026');
    expect(reportingPeriodLabel(period('interim', null, 2026, 'Delår 1 2026'))).toBe('Delår 1 2026');
    expect(reportingPeriodLabel(period('interim', null, 2026, 'Delår 1 2026'), 'en')).toBe('Delår 1 2026');
  });

  test('a custom period prints its name, or the year when it has none', () => {
    expect(reportingPeriodLabel(period('custom', null, 2026, 'Läsår 2026/27'))).toBe('Läsår 2026/27');
    expect(reportingPeriodLabel(period('custom', null, 2026))).toBe('2026');
  });
});

describe('the calendar days of quarters and tertials', () => {
  test('each quarter and tertial from its first to its last day, leap years included', () => {
    expect([1, 2, 3, 4].map((number) => standardPeriodDates('quarter', number, 2024))).toEqual([
      { startDate: '2024-01-01', endDate: '2024-03-31' },
      { startDate: '2024-04-01', endDate: '2024-06-30' },
      { startDate: '2024-07-01', endDate: '2024-09-30' },
      { startDate: '2024-10-01', endDate: '2024-12-31' },
    ]);
    expect([1, 2, 3].map((number) => standardPeriodDates('tertial', number, 2023))).toEqual([
      { startDate: '2023-01-01', endDate: '2023-04-30' },
      { startDate: '2023-05-01', endDate: '2023-08-31' },
      { startDate: '2023-09-01', endDate: '2023-12-31' },
    ]);
  });

  test('a number outside the year is refused, with the range in the message', () => {
    expect(() => standardPeriodDates('quarter', 5, 2024)).toThrow('quarter number must be 1–4, got 5');
    expect(() => standardPeriodDates('tertial', 4, 2024)).toThrow('tertial number must be 1–3, got 4');
    expect(() => standardPeriodDates('quarter', 0, 2024)).toThrow(RangeError);
    expect(() => standardPeriodDates('quarter', 1.5, 2024)).toThrow(RangeError);
  });
});

describe('the usual dates of a standard period', () => {
  test('quarters and tertials by the calendar, only with a number', () => {
    expect(defaultReportingPeriodDates('quarter', 2, 2026)).toEqual({ startDate: '2026-04-01', endDate: '2026-06-30' });
    expect(defaultReportingPeriodDates('tertial', 3, 2026)).toEqual({ startDate: '2026-09-01', endDate: '2026-12-31' });
    expect(defaultReportingPeriodDates('quarter', null, 2026)).toBeNull();
    expect(defaultReportingPeriodDates('tertial', null, 2026)).toBeNull();
  });

  test('delår runs from 1 January to 31 August and helår the whole year; forecasts have none', () => {
    expect(defaultReportingPeriodDates('interim', null, 2026)).toEqual({
      startDate: '2026-01-01',
      endDate: '2026-08-31',
    });
    expect(defaultReportingPeriodDates('annual', null, 2026)).toEqual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(defaultReportingPeriodDates('forecast', null, 2026)).toBeNull();
  });
});

describe('reading a printed period name back', () => {
  test('the Swedish, English and short names of every standard kind', () => {
    expect(parseReportingPeriodLabel('Quarter 2 2026')).toEqual({ kind: 'quarter', number: 2, year: 2026 });
    expect(parseReportingPeriodLabel('Q4 2026')).toEqual({ kind: 'quarter', number: 4, year: 2026 });
    expect(parseReportingPeriodLabel('Tertial 3 2026')).toEqual({ kind: 'tertial', number: 3, year: 2026 });
    expect(parseReportingPeriodLabel('T1 2026')).toEqual({ kind: 'tertial', number: 1, year: 2026 });
    expect(parseReportingPeriodLabel('Prognos 12 2026')).toEqual({ kind: 'forecast', number: 12, year: 2026 });
    expect(parseReportingPeriodLabel('Forecast 1 2026')).toEqual({ kind: 'forecast', number: 1, year: 2026 });
    expect(parseReportingPeriodLabel('Delårsbokslut 2026')).toEqual({ kind: 'interim', number: null, year: 2026 });
    expect(parseReportingPeriodLabel('Interim 2026')).toEqual({ kind: 'interim', number: null, year: 2026 });
    expect(parseReportingPeriodLabel('Årsbokslut 2026')).toEqual({ kind: 'annual', number: null, year: 2026 });
    expect(parseReportingPeriodLabel('Full year 2026')).toEqual({ kind: 'annual', number: null, year: 2026 });
  });

  test('spaces around and within the name do not matter', () => {
    expect(parseReportingPeriodLabel('  kvartal   3    2026 ')).toEqual({ kind: 'quarter', number: 3, year: 2026 });
    expect(parseReportingPeriodLabel('helår\t2026')).toEqual({ kind: 'annual', number: null, year: 2026 });
    expect(parseReportingPeriodLabel('Full   year 2026')).toEqual({ kind: 'annual', number: null, year: 2026 });
  });

  test('anything more or less than a whole standard name is not one', () => {
    for (const text of [
      'Tertial 4 2026',
      'Kvartal 2026',
      'Kvartal 1 26',
      'Kvartal 1 2026 extra',
      'Inför Kvartal 1 2026',
      'Delår 1 2026',
      'Helår',
      'Prognos 123 2026',
      'Vår 2026',
    ]) {
      expect(parseReportingPeriodLabel(text), text).toBeNull();
    }
  });
});
