import { describe, expect, test } from 'vitest';
import type { Plan, RiskMatrix } from './reference-data.ts';
import { matrixOf } from './risk-matrix-of.ts';

const matrix = (id: string, validFromYear: number) => ({ id, validFromYear }) as RiskMatrix;
const plan = (startYear: number, riskMatrixId: string | null = null) => ({ startYear, riskMatrixId }) as Plan;
const matrices = [matrix('m2020', 2020), matrix('m2024', 2024), matrix('m2027', 2027)];

describe('matrixOf: the risk matrix a plan is assessed with', () => {
  test('the plan’s own version when it names one, however old', () => {
    expect(matrixOf(plan(2026, 'm2020'), matrices)?.id).toBe('m2020');
  });

  test('else the newest version valid in the plan’s first year', () => {
    expect(matrixOf(plan(2026), matrices)?.id).toBe('m2024');
    expect(matrixOf(plan(2024), matrices)?.id).toBe('m2024');
    expect(matrixOf(plan(2023), matrices)?.id).toBe('m2020');
  });

  test('none before the first version, nor when the named one is missing', () => {
    expect(matrixOf(plan(2019), matrices)).toBeUndefined();
    expect(matrixOf(plan(2026, 'gone'), matrices)).toBeUndefined();
  });
});
