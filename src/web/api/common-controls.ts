import { queryOptions } from '@tanstack/react-query';
import type {
  commonControl,
  commonControlCreate,
  commonControlListQuery,
  commonControlResults,
  commonControlUpdate,
} from '../../domain/contracts/common-controls.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type CommonControl = Answer<typeof commonControl>;
export type CommonControlResults = Answer<typeof commonControlResults>;
type CommonControlFilters = ListFilters<typeof commonControlListQuery>;

/** Kommungemensamma kontrollmoment and how the units they reach follow them up. */
export const commonControlKeys = {
  all: ['common-controls'] as const,
  list: (filters: CommonControlFilters) => [...commonControlKeys.all, 'list', filters] as const,
  results: (id: string) => [...commonControlKeys.all, 'results', id] as const,
};

export function createCommonControl(body: Body<typeof commonControlCreate>) {
  return api<CommonControl>('/common-controls', { method: 'POST', body });
}

export function updateCommonControl(id: string, body: Body<typeof commonControlUpdate>) {
  return api<CommonControl>(`/common-controls/${id}`, { method: 'PATCH', body });
}

/** Archives a common control (its copies leave the plans still in draft) or restores it. */
export function setCommonControlArchived(id: string, archived: boolean) {
  return api<CommonControl>(`/common-controls/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' });
}

/** Takes the control (or its latest change) into the unit's adopted plan. */
export function takeOverCommonControl(id: string, unitId: string) {
  return api<CommonControl>(`/common-controls/${id}/take-over`, { method: 'POST', body: { unitId } });
}

export const commonControlQueries = {
  list: (filters: CommonControlFilters = {}) =>
    queryOptions({
      queryKey: commonControlKeys.list(filters),
      queryFn: ({ signal }) => apiAll<CommonControl>('/common-controls', filters, signal),
      refetchOnMount: 'always',
    }),
  results: (id: string) =>
    queryOptions({
      queryKey: commonControlKeys.results(id),
      queryFn: ({ signal }) => api<CommonControlResults>(`/common-controls/${id}/results`, { signal }),
      // The units' results change on their own plans' pages: read anew whenever the page is opened.
      refetchOnMount: 'always',
    }),
};
