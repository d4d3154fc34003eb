import type { Plan, RiskMatrix } from './reference-data.ts';

/** The version of the risk matrix a plan is assessed with: its own, else the newest valid in its first year. */
export function matrixOf(plan: Plan, matrices: RiskMatrix[]): RiskMatrix | undefined {
  if (plan.riskMatrixId) return matrices.find((matrix) => matrix.id === plan.riskMatrixId);
  return matrices
    .filter((matrix) => matrix.validFromYear <= plan.startYear)
    .sort((a, b) => b.validFromYear - a.validFromYear)[0];
}
