import { describe, expect, test } from 'vitest';
import {
  DEFAULT_RISK_MATRIX,
  riskBandFor,
  riskBandSchema,
  riskLevelSchema,
  riskMatrixConfigSchema,
  riskValue,
  type RiskLevel,
} from './risk-matrix.ts';

const levels = (count: number): RiskLevel[] =>
  Array.from({ length: count }, (_, index) => ({ value: index + 1, label: `Nivå ${index + 1}`, description: '' }));
const oneBand = (max: number) => [{ min: 1, max, label: 'Alla', colour: '#ffffff' }];

describe('riskvärde', () => {
  test('is sannolikhet × konsekvens, and not assessed until both are', () => {
    expect(riskValue(2, 3)).toBe(6);
    expect(riskValue(4, 4)).toBe(16);
    expect(riskValue(3, null)).toBeNull();
    expect(riskValue(null, null)).toBeNull();
  });

  test('falls in the band whose bounds include it, both ends inclusive', () => {
    expect([1, 3, 4, 6, 7, 9, 10, 16].map((value) => riskBandFor(DEFAULT_RISK_MATRIX, value)?.label)).toEqual([
      'Låg',
      'Låg',
      'Måttlig',
      'Måttlig',
      'Hög',
      'Hög',
      'Mycket hög',
      'Mycket hög',
    ]);
    expect(riskBandFor(DEFAULT_RISK_MATRIX, null)).toBeNull();
    expect(riskBandFor(DEFAULT_RISK_MATRIX, 17)).toBeNull();
  });

  test('falls in its band whatever order the bands are listed in', () => {
    const highestFirst = { ...DEFAULT_RISK_MATRIX, bands: [...DEFAULT_RISK_MATRIX.bands].reverse() };
    expect([2, 5, 8, 12].map((value) => riskBandFor(highestFirst, value)?.label)).toEqual([
      'Låg',
      'Måttlig',
      'Hög',
      'Mycket hög',
    ]);
  });
});

describe('the steps of a scale', () => {
  test('numbered 1 to 10 in whole numbers, named in 1 to 80 characters, described in at most 1000', () => {
    expect(riskLevelSchema.safeParse({ value: 1, label: 'L' }).data).toEqual({ value: 1, label: 'L', description: '' });
    expect(riskLevelSchema.safeParse({ value: 10, label: 'L'.repeat(80), description: 'D'.repeat(1000) }).success).toBe(
      true,
    );
    for (const bad of [
      { value: 0, label: 'L' },
      { value: 11, label: 'L' },
      { value: 1.5, label: 'L' },
      { value: 1, label: '' },
      { value: 1, label: 'L'.repeat(81) },
      { value: 1, label: 'L', description: 'D'.repeat(1001) },
      { value: 1, label: 'L', extra: true },
    ]) {
      expect(riskLevelSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
  });
});

describe('the colour bands', () => {
  test('bounds from 1, named in 1 to 80 characters, coloured as #rrggbb', () => {
    expect(riskBandSchema.safeParse({ min: 1, max: 1, label: 'L'.repeat(80), colour: '#A0b1C2' }).success).toBe(true);
    for (const bad of [
      { min: 0, max: 2 },
      { min: 1, max: 0 },
      { min: 1.5, max: 2 },
      { min: 1, max: 2.5 },
      { label: '' },
      { label: 'L'.repeat(81) },
      { colour: 'ffffff' },
      { colour: '#fff' },
      { colour: '#ffffff0' },
      { colour: 'x#ffffff' },
      { colour: '#gggggg' },
    ]) {
      const band = { min: 1, max: 2, label: 'L', colour: '#ffffff', ...bad };
      expect(riskBandSchema.safeParse(band).success, JSON.stringify(bad)).toBe(false);
    }
    expect(riskBandSchema.safeParse({ min: 1, max: 2, label: 'L', colour: 'red' }).error?.issues[0]?.message).toBe(
      'must be a colour as #rrggbb',
    );
  });
});

describe('a whole matrix', () => {
  test('has 2 to 10 steps on each scale and 1 to 10 bands', () => {
    expect(
      riskMatrixConfigSchema.safeParse({ likelihoodLevels: levels(2), consequenceLevels: levels(2), bands: oneBand(4) })
        .success,
    ).toBe(true);
    expect(
      riskMatrixConfigSchema.safeParse({
        likelihoodLevels: levels(10),
        consequenceLevels: levels(10),
        bands: oneBand(100),
      }).success,
    ).toBe(true);
    expect(
      riskMatrixConfigSchema.safeParse({ likelihoodLevels: levels(1), consequenceLevels: levels(2), bands: oneBand(2) })
        .success,
    ).toBe(false);
    expect(
      riskMatrixConfigSchema.safeParse({ likelihoodLevels: levels(2), consequenceLevels: levels(1), bands: oneBand(2) })
        .success,
    ).toBe(false);
    expect(
      riskMatrixConfigSchema.safeParse({
        likelihoodLevels: levels(11),
        consequenceLevels: levels(2),
        bands: oneBand(22),
      }).success,
    ).toBe(false);
    expect(
      riskMatrixConfigSchema.safeParse({
        likelihoodLevels: levels(2),
        consequenceLevels: levels(11),
        bands: oneBand(22),
      }).success,
    ).toBe(false);
    expect(
      riskMatrixConfigSchema.safeParse({ likelihoodLevels: levels(2), consequenceLevels: levels(2), bands: [] })
        .success,
    ).toBe(false);
    const elevenBands = Array.from({ length: 11 }, (_, index) => ({
      min: index + 1,
      max: index === 10 ? 100 : index + 1,
      label: `B${index}`,
      colour: '#ffffff',
    }));
    expect(
      riskMatrixConfigSchema.safeParse({
        likelihoodLevels: levels(10),
        consequenceLevels: levels(10),
        bands: elevenBands,
      }).success,
    ).toBe(false);
  });

  test('a step out of order is named with the number expected there, in both languages', () => {
    const consequenceLevels = [levels(3)[0]!, { ...levels(3)[2]! }, { ...levels(3)[1]! }];
    const result = riskMatrixConfigSchema.safeParse({
      likelihoodLevels: levels(3),
      consequenceLevels,
      bands: oneBand(9),
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['consequenceLevels', 1, 'value'],
        message: 'levels must be numbered 1, 2, 3 … in order; expected 2',
        params: {
          sv: 'Nivåerna numreras 1, 2, 3 … i ordning; här ska det stå 2.',
          en: 'Levels are numbered 1, 2, 3 … in order; expected 2.',
        },
      }),
      expect.objectContaining({
        path: ['consequenceLevels', 2, 'value'],
        message: 'levels must be numbered 1, 2, 3 … in order; expected 3',
      }),
    ]);
  });

  test('every product of the scales falls in exactly one band, and only the products count', () => {
    // A 3×3 matrix has the products 1, 2, 3, 4, 6, 9: no band needs to hold 5, 7 or 8.
    const bands = [
      { min: 1, max: 4, label: 'Låg', colour: '#86efac' },
      { min: 6, max: 6, label: 'Mellan', colour: '#fde047' },
      { min: 9, max: 9, label: 'Hög', colour: '#fca5a5' },
    ];
    expect(
      riskMatrixConfigSchema.safeParse({ likelihoodLevels: levels(3), consequenceLevels: levels(3), bands }).success,
    ).toBe(true);
    const withoutTheTop = riskMatrixConfigSchema.safeParse({
      likelihoodLevels: levels(3),
      consequenceLevels: levels(3),
      bands: bands.slice(0, 2),
    });
    expect(withoutTheTop.error?.issues).toEqual([
      expect.objectContaining({
        path: ['bands'],
        message: 'riskvärde 9 must fall in exactly one band, found 0',
        params: {
          sv: 'Riskvärde 9 ska ligga i exakt ett färgband, men ligger i 0.',
          en: 'Risk value 9 must fall in exactly one band, but falls in 0.',
        },
      }),
    ]);
    const twice = riskMatrixConfigSchema.safeParse({
      likelihoodLevels: levels(3),
      consequenceLevels: levels(3),
      bands: [...bands, { min: 6, max: 9, label: 'X', colour: '#ffffff' }],
    });
    expect(twice.error?.issues.map((issue) => issue.message)).toEqual([
      'riskvärde 6 must fall in exactly one band, found 2',
      'riskvärde 9 must fall in exactly one band, found 2',
    ]);
  });

  test('the default is the common Swedish 4×4 model with four bands', () => {
    expect(riskMatrixConfigSchema.parse(DEFAULT_RISK_MATRIX)).toEqual(DEFAULT_RISK_MATRIX);
    expect(DEFAULT_RISK_MATRIX.likelihoodLevels.map((level) => level.label)).toEqual([
      'Osannolik',
      'Mindre sannolik',
      'Möjlig',
      'Sannolik',
    ]);
    expect(DEFAULT_RISK_MATRIX.consequenceLevels.map((level) => level.label)).toEqual([
      'Försumbar',
      'Lindrig',
      'Kännbar',
      'Allvarlig',
    ]);
    expect(DEFAULT_RISK_MATRIX.bands.map(({ min, max, label }) => `${min}–${max} ${label}`)).toEqual([
      '1–3 Låg',
      '4–6 Måttlig',
      '7–9 Hög',
      '10–16 Mycket hög',
    ]);
    for (const level of [...DEFAULT_RISK_MATRIX.likelihoodLevels, ...DEFAULT_RISK_MATRIX.consequenceLevels])
      expect(level.description).not.toBe('');
  });
});
