import { queryOptions } from '@tanstack/react-query';
import type { risk, riskAssessment, riskCreate, riskListQuery, riskUpdate } from '../../domain/contracts/risks.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type Risk = Answer<typeof risk>;
export type RiskAssessment = Answer<typeof riskAssessment>;
export type RiskListFilters = ListFilters<typeof riskListQuery>;

/** The risks' query keys: everything shown of one risk (the risk, its page) under `riskKeys.risk(id)`. */
export const riskKeys = {
  all: ['risks'] as const,
  lists: () => [...riskKeys.all, 'list'] as const,
  list: (filters: RiskListFilters) => [...riskKeys.lists(), filters] as const,
  risk: (id: string) => [...riskKeys.all, id] as const,
  detail: (id: string) => [...riskKeys.risk(id), 'detail'] as const,
  /** The risk page: the risk with its controls, actions, follow-ups, deviations, reviews and assessments. */
  page: (id: string) => [...riskKeys.risk(id), 'page'] as const,
};

export function listRisks(filters: RiskListFilters, signal?: AbortSignal) {
  return apiAll<Risk>('/risks', filters, signal);
}

export function getRisk(id: string, signal?: AbortSignal) {
  return api<Risk>(`/risks/${id}`, { signal });
}

/** A risk's assessments year by year (the trend of a risk carried over from plan to plan). */
export function getRiskAssessments(id: string, signal?: AbortSignal) {
  return api<{ items: RiskAssessment[] }>(`/risks/${id}/assessments`, { signal });
}

export function createRisk(body: Body<typeof riskCreate>) {
  return api<Risk>('/risks', { method: 'POST', body });
}

export function updateRisk(id: string, body: Body<typeof riskUpdate>) {
  return api<Risk>(`/risks/${id}`, { method: 'PATCH', body });
}

export const riskQueries = {
  list: (filters: RiskListFilters) =>
    queryOptions({ queryKey: riskKeys.list(filters), queryFn: ({ signal }) => listRisks(filters, signal) }),
  detail: (id: string) => queryOptions({ queryKey: riskKeys.detail(id), queryFn: ({ signal }) => getRisk(id, signal) }),
};
