import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type {
  functionHoldingCreate,
  functionRef,
  unitFunction,
  unitFunctionCreate,
  unitFunctionUpdate,
} from '../../domain/contracts/unit-functions.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type UnitFunction = Answer<typeof unitFunction>;
export type FunctionRef = Answer<typeof functionRef>;

/** Functions (befattningar) of units and who holds them. */
export const unitFunctionKeys = {
  all: ['unit-functions'] as const,
  ofUnit: (unitId: string, includeAncestors: boolean) =>
    [...unitFunctionKeys.all, 'unit', unitId, includeAncestors] as const,
};

export function createUnitFunction(body: Body<typeof unitFunctionCreate>) {
  return api<UnitFunction>('/unit-functions', { method: 'POST', body });
}

export function updateUnitFunction(id: string, body: Body<typeof unitFunctionUpdate>) {
  return api<UnitFunction>(`/unit-functions/${id}`, { method: 'PATCH', body });
}

/** Archives a function (controls that name it keep showing it) or restores it. */
export function setUnitFunctionArchived(id: string, archived: boolean) {
  return api<UnitFunction>(`/unit-functions/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' });
}

export function addFunctionHolder(id: string, body: Body<typeof functionHoldingCreate>) {
  return api<UnitFunction>(`/unit-functions/${id}/holders`, { method: 'POST', body });
}

/** Ends a holding today (or on the given day); holdings are never deleted. */
export function endFunctionHolding(id: string, holdingId: string, validTo?: string) {
  return api<UnitFunction>(`/unit-functions/${id}/holders/${holdingId}/end`, {
    method: 'POST',
    body: validTo ? { validTo } : {},
  });
}

export function invalidateUnitFunctions(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: unitFunctionKeys.all });
}

export const unitFunctionQueries = {
  /** The functions of a unit; with `includeAncestors`, also those of the units above it. */
  ofUnit: (unitId: string, includeAncestors = false) =>
    queryOptions({
      queryKey: unitFunctionKeys.ofUnit(unitId, includeAncestors),
      queryFn: ({ signal }) =>
        apiAll<UnitFunction>(
          '/unit-functions',
          includeAncestors ? { unitId, includeAncestors: 'true' } : { unitId },
          signal,
        ),
    }),
};
