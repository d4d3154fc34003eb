import { queryOptions } from '@tanstack/react-query';
import type { status, statusCreate, statusListQuery, statusUpdate } from '../../domain/contracts/statuses.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type Status = Answer<typeof status>;
type StatusFilters = ListFilters<typeof statusListQuery>;

/** The tenant's status vocabulary. */
export const statusKeys = {
  all: ['statuses'] as const,
  list: (filters: StatusFilters) => [...statusKeys.all, 'list', filters] as const,
};

export function listStatuses(filters: StatusFilters, signal?: AbortSignal) {
  return apiAll<Status>('/statuses', filters, signal);
}

export function createStatus(body: Body<typeof statusCreate>) {
  return api<Status>('/statuses', { method: 'POST', body });
}

export function updateStatus(id: string, body: Body<typeof statusUpdate>) {
  return api<Status>(`/statuses/${id}`, { method: 'PATCH', body });
}

export const statusQueries = {
  /** The active statuses (`includeInactive` for the administration). */
  list: (filters: StatusFilters = {}) =>
    queryOptions({
      queryKey: statusKeys.list(filters),
      queryFn: ({ signal }) => listStatuses(filters, signal),
      staleTime: 5 * 60_000,
    }),
};
