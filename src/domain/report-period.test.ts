import { describe, expect, test } from 'vitest';
import { halfYearDates, parseReportPeriod, reportPeriodCode } from './report-period.ts';

describe('the period a report is asked for', () => {
  test('plan years: one year, a range, and helår as the year', () => {
    expect(parseReportPeriod('2020')).toEqual({ type: 'years', startYear: 2020, endYear: 2020 });
    expect(parseReportPeriod('2020-2021')).toEqual({ type: 'years', startYear: 2020, endYear: 2021 });
    expect(parseReportPeriod('Helår 2021')).toEqual({ type: 'years', startYear: 2021, endYear: 2021 });
  });

  test('the codes of the årshjul: kvartal, tertial, halvår, delår and prognos, in either case', () => {
    expect(parseReportPeriod('2020-Q3')).toEqual({ type: 'standard', kind: 'quarter', year: 2020, number: 3 });
    expect(parseReportPeriod('2020-t2')).toEqual({ type: 'standard', kind: 'tertial', year: 2020, number: 2 });
    expect(parseReportPeriod(' 2020-H1 ')).toEqual({ type: 'standard', kind: 'half_year', year: 2020, number: 1 });
    expect(parseReportPeriod('2020-D')).toEqual({ type: 'standard', kind: 'interim', year: 2020, number: null });
    expect(parseReportPeriod('2020-D2')).toEqual({ type: 'standard', kind: 'interim', year: 2020, number: 2 });
    expect(parseReportPeriod('2020-P1')).toEqual({ type: 'standard', kind: 'forecast', year: 2020, number: 1 });
  });

  test('a printed period name is read as its code; any other name is a named period of the årshjul', () => {
    expect(parseReportPeriod('Kvartal 3 2020')).toEqual({ type: 'standard', kind: 'quarter', year: 2020, number: 3 });
    expect(parseReportPeriod('Tertial 2 2020')).toEqual({ type: 'standard', kind: 'tertial', year: 2020, number: 2 });
    expect(parseReportPeriod('  Sommaruppföljning   2026 ')).toEqual({ type: 'named', name: 'Sommaruppföljning 2026' });
    expect(parseReportPeriod('Delår 1 2026')).toEqual({ type: 'named', name: 'Delår 1 2026' });
  });

  test('a number out of range, a code letter that is none, a missing number, nothing, or too long a name: no period', () => {
    for (const text of [
      '2020-Q5',
      '2020-Q0',
      '2020-T4',
      '2020-H3',
      '2020-X1',
      '2020-Q',
      '2020-P',
      '1800-Q1',
      '',
      '   ',
      'x'.repeat(121),
      '2021-2020',
    ])
      expect(parseReportPeriod(text), text).toBeNull();
  });

  test('the code of a request reads back as the same request', () => {
    for (const text of [
      '2020',
      '2020-2021',
      '2020-Q3',
      '2020-T2',
      '2020-H2',
      '2020-D',
      '2020-D2',
      '2020-P1',
      'Sommaruppföljning 2026',
    ]) {
      const request = parseReportPeriod(text)!;
      expect(reportPeriodCode(request)).toBe(text);
      expect(parseReportPeriod(reportPeriodCode(request))).toEqual(request);
    }
  });

  test('the calendar halves of a year', () => {
    expect(halfYearDates(1, 2024)).toEqual({ startDate: '2024-01-01', endDate: '2024-06-30' });
    expect(halfYearDates(2, 2024)).toEqual({ startDate: '2024-07-01', endDate: '2024-12-31' });
  });
});
