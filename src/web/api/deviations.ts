import type {
  deviation,
  deviationCreate,
  deviationListQuery,
  deviationUpdate,
} from '../../domain/contracts/deviations.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type Deviation = Answer<typeof deviation>;
export type DeviationListFilters = ListFilters<typeof deviationListQuery>;

/** The deviations' query keys: the list page (with the controls it names) and the form of one. */
export const deviationKeys = {
  all: ['deviations'] as const,
  /** The deviations page for a choice of filters. */
  page: (filters: object) => [...deviationKeys.all, 'page', filters] as const,
  deviation: (id: string) => [...deviationKeys.all, id] as const,
  /** The form that changes a deviation (with its control and the plan's actions). */
  editForm: (id: string) => [...deviationKeys.deviation(id), 'form'] as const,
};

export function listDeviations(filters: DeviationListFilters, signal?: AbortSignal) {
  return apiAll<Deviation>('/deviations', filters, signal);
}

export function getDeviation(id: string, signal?: AbortSignal) {
  return api<Deviation>(`/deviations/${id}`, { signal });
}

export function createDeviation(body: Body<typeof deviationCreate>) {
  return api<Deviation>('/deviations', { method: 'POST', body });
}

export function updateDeviation(id: string, body: Body<typeof deviationUpdate>) {
  return api<Deviation>(`/deviations/${id}`, { method: 'PATCH', body });
}
