import { queryOptions } from '@tanstack/react-query';
import type { planOverview } from '../../domain/contracts/plan-overview.ts';
import type {
  planAdopt,
  planClose,
  planComparison,
  planRevise,
  planVersion,
} from '../../domain/contracts/plan-versions.ts';
import type { plan, planCreate, planListQuery, planUpdate } from '../../domain/contracts/plans.ts';
import type { planCarryOver, planRolledOver, planRollOver } from '../../domain/contracts/roll-over.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type Plan = Answer<typeof plan>;
export type PlanOverview = Answer<typeof planOverview>;
export type PlanVersion = Answer<typeof planVersion>;
export type PlanComparison = Answer<typeof planComparison>;
export type PlanCarryOver = Answer<typeof planCarryOver>;

/**
 * The plans' query keys. Everything shown of one plan (the plan, its overview, its activity
 * list, versions, comparisons and carry-over links) lies under `planKeys.plan(id)`, so that a
 * change inside the plan marks exactly that plan's views stale.
 */
export const planKeys = {
  all: ['plans'] as const,
  list: () => [...planKeys.all, 'list'] as const,
  plan: (id: string) => [...planKeys.all, id] as const,
  detail: (id: string) => [...planKeys.plan(id), 'detail'] as const,
  overview: (id: string) => [...planKeys.plan(id), 'overview'] as const,
  activityList: (id: string) => [...planKeys.plan(id), 'activity-list'] as const,
  versions: (id: string) => [...planKeys.plan(id), 'versions'] as const,
  carryOver: (id: string) => [...planKeys.plan(id), 'carry-over'] as const,
  comparison: (id: string, range: { from: number; to: number | 'current' }) =>
    [...planKeys.plan(id), 'comparison', range] as const,
};

export function listPlans(filters: ListFilters<typeof planListQuery> = {}, signal?: AbortSignal) {
  return apiAll<Plan>('/plans', filters, signal);
}

export function getPlan(id: string, signal?: AbortSignal) {
  return api<Plan>(`/plans/${id}`, { signal });
}

export function getPlanOverview(id: string, signal?: AbortSignal) {
  return api<PlanOverview>(`/plans/${id}/overview`, { signal });
}

export function getPlanVersions(id: string, signal?: AbortSignal) {
  return api<{ items: PlanVersion[] }>(`/plans/${id}/versions`, { signal });
}

export function getPlanCarryOver(id: string, signal?: AbortSignal) {
  return api<PlanCarryOver>(`/plans/${id}/carry-over`, { signal });
}

export function getPlanComparison(id: string, range: { from: number; to: number | 'current' }, signal?: AbortSignal) {
  return api<PlanComparison>(`/plans/${id}/comparison`, { query: range, signal });
}

export function createPlan(body: Body<typeof planCreate>) {
  return api<Plan>('/plans', { method: 'POST', body });
}

export function updatePlan(id: string, body: Body<typeof planUpdate>) {
  return api<Plan>(`/plans/${id}`, { method: 'PATCH', body });
}

/**
 * Adopts a draft (which freezes it). The decision date may be left out of the form; the server
 * then names it as the missing field.
 */
export function adoptPlan(
  id: string,
  body: Omit<Body<typeof planAdopt>, 'decisionDate'> & { decisionDate?: Body<typeof planAdopt>['decisionDate'] },
) {
  return api<Plan>(`/plans/${id}/adopt`, { method: 'POST', body });
}

export function revisePlan(id: string, body: Body<typeof planRevise>) {
  return api<Plan>(`/plans/${id}/revisions`, { method: 'POST', body });
}

export function closePlan(id: string, body: Body<typeof planClose>) {
  return api<Plan>(`/plans/${id}/close`, { method: 'POST', body });
}

export function rollOverPlan(id: string, body: Body<typeof planRollOver>) {
  return api<Answer<typeof planRolledOver>>(`/plans/${id}/roll-over`, { method: 'POST', body });
}

export const planQueries = {
  /** Every plan the person may see; many screens name plans from it. */
  list: () =>
    queryOptions({ queryKey: planKeys.list(), queryFn: ({ signal }) => listPlans({}, signal), staleTime: 60_000 }),
  detail: (id: string) => queryOptions({ queryKey: planKeys.detail(id), queryFn: ({ signal }) => getPlan(id, signal) }),
  overview: (id: string) =>
    queryOptions({ queryKey: planKeys.overview(id), queryFn: ({ signal }) => getPlanOverview(id, signal) }),
  versions: (id: string) =>
    queryOptions({ queryKey: planKeys.versions(id), queryFn: ({ signal }) => getPlanVersions(id, signal) }),
  carryOver: (id: string) =>
    queryOptions({ queryKey: planKeys.carryOver(id), queryFn: ({ signal }) => getPlanCarryOver(id, signal) }),
  comparison: (id: string, range: { from: number; to: number | 'current' }) =>
    queryOptions({
      queryKey: planKeys.comparison(id, range),
      queryFn: ({ signal }) => getPlanComparison(id, range, signal),
    }),
};
