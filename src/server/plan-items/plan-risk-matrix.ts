import { and, desc, eq, lte } from 'drizzle-orm';
import { DEFAULT_RISK_MATRIX, type RiskMatrixConfig } from '../../domain/risk-matrix.ts';
import type { Database } from '../db/client.ts';
import { riskMatrices } from '../db/schema/risk-matrices.ts';
import type { plans } from '../db/schema/plans.ts';
import { AppError, type FieldError, type LocalizedText } from '../errors.ts';
import { localize } from '../messages/messages.ts';

/** The matrix a plan's risks are assessed on, and where it comes from. */
export interface PlanRiskMatrix {
  config: RiskMatrixConfig;
  /** The tenant's version, or null for the built-in 4 × 4 matrix. */
  validFromYear: number | null;
}

/**
 * The risk matrix of a plan, resolved as its reports resolve it: the version the plan names,
 * else the tenant's latest version valid in the plan's first year, else the built-in 4 × 4
 * matrix. So sannolikhet and konsekvens are always checked against the matrix the plan is
 * printed with, also for a year the tenant has no version for.
 */
export async function planRiskMatrix(
  db: Database,
  plan: Pick<typeof plans.$inferSelect, 'tenantId' | 'riskMatrixId' | 'startYear'>,
): Promise<PlanRiskMatrix> {
  const [matrix] = plan.riskMatrixId
    ? await db
        .select()
        .from(riskMatrices)
        .where(and(eq(riskMatrices.tenantId, plan.tenantId), eq(riskMatrices.id, plan.riskMatrixId)))
    : await db
        .select()
        .from(riskMatrices)
        .where(and(eq(riskMatrices.tenantId, plan.tenantId), lte(riskMatrices.validFromYear, plan.startYear)))
        .orderBy(desc(riskMatrices.validFromYear))
        .limit(1);
  if (!matrix) return { config: DEFAULT_RISK_MATRIX, validFromYear: null };
  return {
    config: {
      likelihoodLevels: matrix.likelihoodLevels,
      consequenceLevels: matrix.consequenceLevels,
      bands: matrix.bands,
    },
    validFromYear: matrix.validFromYear,
  };
}

function tooHigh(matrix: PlanRiskMatrix, levels: number, year: number): LocalizedText {
  if (matrix.validFromYear !== null) return localize((m) => m.planItems.matrixLevels(levels));
  return localize((m) => m.planItems.builtInMatrixLevels(levels, year));
}

/**
 * Throws naming each of sannolikhet and konsekvens that does not fit the matrix (its number of
 * levels). `prefix` places the fields, e.g. "risks.3." when many risks are checked at once.
 */
export function assertLevelsFit(
  matrix: PlanRiskMatrix,
  year: number,
  values: { likelihood?: number | null | undefined; consequence?: number | null | undefined },
  prefix = '',
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, levels] of [
    ['likelihood', matrix.config.likelihoodLevels.length],
    ['consequence', matrix.config.consequenceLevels.length],
  ] as const) {
    const value = values[field];
    if (typeof value === 'number' && value > levels)
      errors.push({ path: `${prefix}${field}`, message: tooHigh(matrix, levels, year) });
  }
  return errors;
}

/** The same, throwing. */
export function assertAssessmentFits(
  matrix: PlanRiskMatrix,
  year: number,
  values: { likelihood?: number | null | undefined; consequence?: number | null | undefined },
): void {
  const errors = assertLevelsFit(matrix, year, values);
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}
