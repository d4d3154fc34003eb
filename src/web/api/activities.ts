import { queryOptions } from '@tanstack/react-query';
import type {
  activity,
  activityCreate,
  activityListQuery,
  activityUpdate,
  subActivityCreate,
  subActivityUpdate,
} from '../../domain/contracts/activities.ts';
import { api, apiAll } from '../lib/api.ts';
import { itemKeys } from './items.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

// Activities of an aktivitetsplan and their numbered sub-activities (which are shown, and
// changed, as part of their activity).

export type Activity = Answer<typeof activity>;

/** The activities' query keys; a sub-activity is cached as part of its activity. */
export const activityKeys = itemKeys.activity;

export function listActivities(filters: ListFilters<typeof activityListQuery>, signal?: AbortSignal) {
  return apiAll<Activity>('/activities', filters, signal);
}

export function getActivity(id: string, signal?: AbortSignal) {
  return api<Activity>(`/activities/${id}`, { signal });
}

export function createActivity(body: Body<typeof activityCreate>) {
  return api<Activity>('/activities', { method: 'POST', body });
}

export function updateActivity(id: string, body: Body<typeof activityUpdate>) {
  return api<Activity>(`/activities/${id}`, { method: 'PATCH', body });
}

export function createSubActivity(body: Body<typeof subActivityCreate>) {
  return api<Activity['subActivities'][number]>('/sub-activities', { method: 'POST', body });
}

export function updateSubActivity(id: string, body: Body<typeof subActivityUpdate>) {
  return api<Activity['subActivities'][number]>(`/sub-activities/${id}`, { method: 'PATCH', body });
}

export const activityQueries = {
  detail: (id: string) =>
    queryOptions({ queryKey: activityKeys.detail(id), queryFn: ({ signal }) => getActivity(id, signal) }),
};
