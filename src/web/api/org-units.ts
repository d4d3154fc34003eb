import { queryOptions } from '@tanstack/react-query';
import type {
  OrgUnitNode,
  orgUnit,
  orgUnitCreate,
  orgUnitListQuery,
  orgUnitUpdate,
} from '../../domain/contracts/org-units.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type OrgUnit = Answer<typeof orgUnit>;
export type { OrgUnitNode };
type OrgUnitFilters = ListFilters<typeof orgUnitListQuery>;

/** The organisation's units, as a list and as a tree. */
export const orgUnitKeys = {
  all: ['org-units'] as const,
  list: (filters: OrgUnitFilters) => [...orgUnitKeys.all, 'list', filters] as const,
  tree: () => [...orgUnitKeys.all, 'tree'] as const,
};

export function listOrgUnits(filters: OrgUnitFilters, signal?: AbortSignal) {
  return apiAll<OrgUnit>('/org-units', filters, signal);
}

export function getOrgUnitTree(signal?: AbortSignal) {
  return api<OrgUnitNode[]>('/org-units/tree', { signal });
}

export function createOrgUnit(body: Body<typeof orgUnitCreate>) {
  return api<OrgUnit>('/org-units', { method: 'POST', body });
}

export function updateOrgUnit(id: string, body: Body<typeof orgUnitUpdate>) {
  return api<OrgUnit>(`/org-units/${id}`, { method: 'PATCH', body });
}

/** Archives a unit (it leaves the lists, keeps its history) or restores an archived one. */
export function setOrgUnitArchived(id: string, archived: boolean) {
  return api<OrgUnit>(`/org-units/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' });
}

export const orgUnitQueries = {
  /** The units the person may see (`includeArchived` for the administration). */
  list: (filters: OrgUnitFilters = {}) =>
    queryOptions({
      queryKey: orgUnitKeys.list(filters),
      queryFn: ({ signal }) => listOrgUnits(filters, signal),
      staleTime: 5 * 60_000,
    }),
  tree: () => queryOptions({ queryKey: orgUnitKeys.tree(), queryFn: ({ signal }) => getOrgUnitTree(signal) }),
};
