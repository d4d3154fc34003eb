import { queryOptions } from '@tanstack/react-query';
import type { goal, goalCreate, goalListQuery, goalUpdate } from '../../domain/contracts/goals.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type Goal = Answer<typeof goal>;
type GoalFilters = ListFilters<typeof goalListQuery>;

/** Units' goal registers (from each unit's verksamhetsplan, per year). */
export const goalKeys = {
  all: ['goals'] as const,
  list: (filters: GoalFilters) => [...goalKeys.all, 'list', filters] as const,
};

export function listGoals(filters: GoalFilters, signal?: AbortSignal) {
  return apiAll<Goal>('/goals', filters, signal);
}

export function createGoal(body: Body<typeof goalCreate>) {
  return api<Goal>('/goals', { method: 'POST', body });
}

export function updateGoal(id: string, body: Body<typeof goalUpdate>) {
  return api<Goal>(`/goals/${id}`, { method: 'PATCH', body });
}

/** Archives a goal (kept, never deleted: risks and actions linked to it keep the link) or restores it. */
export function setGoalArchived(id: string, archived: boolean) {
  return api<Goal>(`/goals/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' });
}

export const goalQueries = {
  /** The goals of one unit (or subtree) and year, when given. */
  list: (filters: GoalFilters = {}) =>
    queryOptions({
      queryKey: goalKeys.list(filters),
      queryFn: ({ signal }) => listGoals(filters, signal),
    }),
};
