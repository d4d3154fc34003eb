import { describe, expect, test } from 'vitest';
import { findChartBlocks, parseChartBlock } from './chart-block.ts';
import { personDisplayName } from './person.ts';
import { formatPlanPeriod, parsePlanPeriod } from './plan.ts';
import {
  defaultReportingPeriodDates,
  parseReportingPeriodLabel,
  reportingPeriodLabel,
  standardPeriodDates,
} from './reporting-period.ts';
import { DEFAULT_RISK_MATRIX, riskBandFor, riskMatrixConfigSchema, riskValue } from './risk-matrix.ts';

describe('plan periods', () => {
  test('a year or a range, printed with an en dash', () => {
    expect(parsePlanPeriod('2020')).toEqual({ startYear: 2020, endYear: 2020 });
    expect(parsePlanPeriod('2020-2021')).toEqual({ startYear: 2020, endYear: 2021 });
    expect(parsePlanPeriod('2020–2021')).toEqual({ startYear: 2020, endYear: 2021 });
    expect(formatPlanPeriod({ startYear: 2020, endYear: 2021 })).toBe('2020–2021');
    expect(formatPlanPeriod({ startYear: 2020, endYear: 2020 })).toBe('2020');
  });
  test('nonsense and backward ranges are refused', () => {
    for (const text of ['20', '2021-2020', 'år 2020', '2020-', '1800']) expect(parsePlanPeriod(text)).toBeNull();
  });
});

describe('reporting periods', () => {
  test('printed names are read back', () => {
    expect(parseReportingPeriodLabel('Kvartal 3 2020')).toEqual({ kind: 'quarter', number: 3, year: 2020 });
    expect(parseReportingPeriodLabel('Helår 2021')).toEqual({ kind: 'annual', number: null, year: 2021 });
    expect(parseReportingPeriodLabel('Delår 2020')).toEqual({ kind: 'interim', number: null, year: 2020 });
    expect(parseReportingPeriodLabel('Kvartal 5 2020')).toBeNull();
  });
  test('labels in Swedish and English', () => {
    expect(reportingPeriodLabel({ kind: 'quarter', number: 3, year: 2020, name: null })).toBe('Kvartal 3 2020');
    expect(reportingPeriodLabel({ kind: 'annual', number: null, year: 2021, name: null }, 'en')).toBe('Full year 2021');
    expect(reportingPeriodLabel({ kind: 'custom', number: null, year: 2021, name: 'Läsår 2021/22' })).toBe(
      'Läsår 2021/22',
    );
  });
  test('calendar dates of quarters, tertials, delår and helår', () => {
    expect(standardPeriodDates('quarter', 1, 2024)).toEqual({ startDate: '2024-01-01', endDate: '2024-03-31' });
    expect(standardPeriodDates('tertial', 2, 2024)).toEqual({ startDate: '2024-05-01', endDate: '2024-08-31' });
    expect(defaultReportingPeriodDates('interim', null, 2020)).toEqual({
      startDate: '2020-01-01',
      endDate: '2020-08-31',
    });
    expect(defaultReportingPeriodDates('forecast', 1, 2020)).toBeNull();
    expect(() => standardPeriodDates('quarter', 0, 2024)).toThrow(RangeError);
  });
});

describe('risk matrix', () => {
  test('the default 4×4 matrix is valid and bands the seed values', () => {
    expect(riskMatrixConfigSchema.safeParse(DEFAULT_RISK_MATRIX).success).toBe(true);
    expect([4, 6, 8, 9, 12].map((value) => riskBandFor(DEFAULT_RISK_MATRIX, value)?.label)).toEqual([
      'Måttlig',
      'Måttlig',
      'Hög',
      'Hög',
      'Mycket hög',
    ]);
    expect(riskValue(3, 4)).toBe(12);
    expect(riskValue(null, 4)).toBeNull();
  });
  test('bands that leave a risk value uncovered or cover it twice are refused', () => {
    const gap = { ...DEFAULT_RISK_MATRIX, bands: DEFAULT_RISK_MATRIX.bands.filter((band) => band.label !== 'Hög') };
    const result = riskMatrixConfigSchema.safeParse(gap);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'riskvärde 8 must fall in exactly one band, found 0',
      'riskvärde 9 must fall in exactly one band, found 0',
    ]);
    const overlap = {
      ...DEFAULT_RISK_MATRIX,
      bands: [...DEFAULT_RISK_MATRIX.bands, { min: 1, max: 1, label: 'X', colour: '#ffffff' }],
    };
    expect(riskMatrixConfigSchema.safeParse(overlap).success).toBe(false);
  });
  test('levels must be numbered in order', () => {
    const shuffled = { ...DEFAULT_RISK_MATRIX, likelihoodLevels: [...DEFAULT_RISK_MATRIX.likelihoodLevels].reverse() };
    const result = riskMatrixConfigSchema.safeParse(shuffled);
    expect(result.error?.issues[0]?.path).toEqual(['likelihoodLevels', 0, 'value']);
  });
});

describe('chart blocks in rich text', () => {
  test('rows of label | number under a title', () => {
    expect(parseChartBlock('title: Svar\nJa | 12\nNej, inte | 1,5\n')).toEqual({
      ok: true,
      chart: {
        title: 'Svar',
        rows: [
          { label: 'Ja', value: 12 },
          { label: 'Nej, inte', value: 1.5 },
        ],
      },
    });
  });
  test('bad rows are named by line', () => {
    expect(parseChartBlock('title: Svar\nJa 12')).toEqual({
      ok: false,
      line: 2,
      message: 'expected "label | number" or "title: …"',
    });
    expect(parseChartBlock('title: Svar')).toMatchObject({ ok: false });
    expect(parseChartBlock(' | 3')).toMatchObject({ ok: false, message: 'the row has no label' });
  });
  test('only ```chart fences are charts', () => {
    const markdown = 'Text\n\n```chart\nA | 1\n```\n\n```js\nx | 2\n```\n';
    expect(findChartBlocks(markdown)).toEqual(['A | 1\n']);
  });
});

describe('people', () => {
  test('a deactivated person keeps their name with "(borttagen)"', () => {
    expect(personDisplayName({ name: 'Elvis Sabovic', deactivatedAt: '2020-01-01T00:00:00Z' })).toBe(
      'Elvis Sabovic (borttagen)',
    );
    expect(personDisplayName({ name: 'Elvis Sabovic', deactivatedAt: new Date() }, 'en')).toBe(
      'Elvis Sabovic (removed)',
    );
    expect(personDisplayName({ name: 'Anders Pettersson', deactivatedAt: null })).toBe('Anders Pettersson');
  });
});
