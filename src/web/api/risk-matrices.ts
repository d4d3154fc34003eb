import { queryOptions } from '@tanstack/react-query';
import type { riskMatrix, riskMatrixCreate, riskMatrixUpdate } from '../../domain/contracts/risk-matrices.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type RiskMatrix = Answer<typeof riskMatrix>;

/** The risk matrix, one version per year it became valid. */
export const riskMatrixKeys = {
  all: ['risk-matrices'] as const,
  list: () => [...riskMatrixKeys.all, 'list'] as const,
};

export function listRiskMatrices(signal?: AbortSignal) {
  return apiAll<RiskMatrix>('/risk-matrices', {}, signal);
}

export function createRiskMatrix(body: Body<typeof riskMatrixCreate>) {
  return api<RiskMatrix>('/risk-matrices', { method: 'POST', body });
}

export function updateRiskMatrix(id: string, body: Body<typeof riskMatrixUpdate>) {
  return api<RiskMatrix>(`/risk-matrices/${id}`, { method: 'PATCH', body });
}

export const riskMatrixQueries = {
  list: () =>
    queryOptions({
      queryKey: riskMatrixKeys.list(),
      queryFn: ({ signal }) => listRiskMatrices(signal),
      staleTime: 5 * 60_000,
    }),
};
