import { describe, expect, test } from 'vitest';
import { formatPlanPeriod, parsePlanPeriod, planPeriodCode } from './plan.ts';

describe("a plan's period", () => {
  test('a year, or a range with a hyphen or an en dash and spaces around it', () => {
    expect(parsePlanPeriod(' 2026 ')).toEqual({ startYear: 2026, endYear: 2026 });
    expect(parsePlanPeriod('2026 - 2027')).toEqual({ startYear: 2026, endYear: 2027 });
    expect(parsePlanPeriod('2026 – 2027 ')).toEqual({ startYear: 2026, endYear: 2027 });
    expect(parsePlanPeriod('2026-2026')).toEqual({ startYear: 2026, endYear: 2026 });
  });

  test('years from 1990 to 2100, at either end of a range', () => {
    expect(parsePlanPeriod('1990')).toEqual({ startYear: 1990, endYear: 1990 });
    expect(parsePlanPeriod('2100')).toEqual({ startYear: 2100, endYear: 2100 });
    for (const text of ['1989', '2101', '1989-1990', '2099-2101']) expect(parsePlanPeriod(text), text).toBeNull();
  });

  test('only a whole period is one', () => {
    for (const text of ['2026 och 2027', 'x2026', '2026x', '2026–2027–2028', '20267', '2026—2027'])
      expect(parsePlanPeriod(text), text).toBeNull();
  });

  test('printed as the year, or the years with an en dash', () => {
    expect(formatPlanPeriod({ startYear: 2026, endYear: 2026 })).toBe('2026');
    expect(formatPlanPeriod({ startYear: 2026, endYear: 2028 })).toBe('2026–2028');
  });

  test('the code of a period has a plain hyphen and reads back as the same period', () => {
    expect(planPeriodCode({ startYear: 2020, endYear: 2021 })).toBe('2020-2021');
    expect(planPeriodCode({ startYear: 2020, endYear: 2020 })).toBe('2020');
    for (const period of [
      { startYear: 2020, endYear: 2020 },
      { startYear: 2020, endYear: 2023 },
    ]) {
      expect(parsePlanPeriod(planPeriodCode(period))).toEqual(period);
      expect(parsePlanPeriod(formatPlanPeriod(period))).toEqual(period);
    }
  });
});
