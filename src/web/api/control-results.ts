import { queryOptions } from '@tanstack/react-query';
import type {
  controlResult,
  controlResultCreate,
  controlResultListQuery,
  controlResultUpdate,
} from '../../domain/contracts/control-results.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type ControlResult = Answer<typeof controlResult>;
export type ControlResultListFilters = ListFilters<typeof controlResultListQuery>;

/** The results per period's query keys: the lists, and a control's section (its results with the deviations found). */
export const controlResultKeys = {
  all: ['control-results'] as const,
  lists: () => [...controlResultKeys.all, 'list'] as const,
  list: (filters: ControlResultListFilters) => [...controlResultKeys.lists(), filters] as const,
  /** A control's results per period with the titles of the deviations they found. */
  ofControl: (controlId: string) => [...controlResultKeys.all, 'control', controlId] as const,
  result: (id: string) => [...controlResultKeys.all, id] as const,
};

export function listControlResults(filters: ControlResultListFilters, signal?: AbortSignal) {
  return apiAll<ControlResult>('/control-results', filters, signal);
}

export function getControlResult(id: string, signal?: AbortSignal) {
  return api<ControlResult>(`/control-results/${id}`, { signal });
}

/** Records a control's result for a period; a result "med avvikelse" records its deviations with it. */
export function createControlResult(body: Body<typeof controlResultCreate>) {
  return api<ControlResult>('/control-results', { method: 'POST', body });
}

export function updateControlResult(id: string, body: Body<typeof controlResultUpdate>) {
  return api<ControlResult>(`/control-results/${id}`, { method: 'PATCH', body });
}

export const controlResultQueries = {
  list: (filters: ControlResultListFilters) =>
    queryOptions({
      queryKey: controlResultKeys.list(filters),
      queryFn: ({ signal }) => listControlResults(filters, signal),
    }),
};
