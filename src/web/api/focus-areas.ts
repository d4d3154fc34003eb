import { queryOptions } from '@tanstack/react-query';
import type {
  focusArea,
  focusAreaCreate,
  focusAreaListQuery,
  focusAreaUpdate,
} from '../../domain/contracts/activities.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type FocusArea = Answer<typeof focusArea>;
type FocusAreaFilters = ListFilters<typeof focusAreaListQuery>;

/** The focus areas (fokusområden) that activities are tagged with. */
export const focusAreaKeys = {
  all: ['focus-areas'] as const,
  list: (filters: FocusAreaFilters) => [...focusAreaKeys.all, 'list', filters] as const,
};

export function listFocusAreas(filters: FocusAreaFilters, signal?: AbortSignal) {
  return apiAll<FocusArea>('/focus-areas', filters, signal);
}

export function createFocusArea(body: Body<typeof focusAreaCreate>) {
  return api<FocusArea>('/focus-areas', { method: 'POST', body });
}

export function updateFocusArea(id: string, body: Body<typeof focusAreaUpdate>) {
  return api<FocusArea>(`/focus-areas/${id}`, { method: 'PATCH', body });
}

export const focusAreaQueries = {
  /** The active focus areas (`includeInactive` for the administration and old tags). */
  list: (filters: FocusAreaFilters = {}) =>
    queryOptions({ queryKey: focusAreaKeys.list(filters), queryFn: ({ signal }) => listFocusAreas(filters, signal) }),
};
