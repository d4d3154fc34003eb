import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { orgUnit } from '../../domain/contracts/org-units.ts';
import type { plan } from '../../domain/contracts/plans.ts';
import type { status } from '../../domain/contracts/statuses.ts';
import type { riskMatrix } from '../../domain/contracts/risk-matrices.ts';
import type { user } from '../../domain/contracts/users.ts';
import { apiAll } from './api.ts';

// The tenant's small, slowly changing lists that many screens use: fetched once, kept a while.

export type Status = z.infer<typeof status>;
export type OrgUnit = z.infer<typeof orgUnit>;
export type Plan = z.infer<typeof plan>;
export type RiskMatrix = z.infer<typeof riskMatrix>;

const LONG = 5 * 60_000;

export function useStatuses() {
  return useQuery({
    queryKey: ['statuses'],
    queryFn: ({ signal }) => apiAll<Status>('/statuses', {}, signal),
    staleTime: LONG,
  });
}

export function useOrgUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: ({ signal }) => apiAll<OrgUnit>('/org-units', {}, signal),
    staleTime: LONG,
  });
}

export function usePlans() {
  return useQuery({
    queryKey: ['plans'],
    queryFn: ({ signal }) => apiAll<Plan>('/plans', {}, signal),
    staleTime: 60_000,
  });
}

export function useRiskMatrices() {
  return useQuery({
    queryKey: ['risk-matrices'],
    queryFn: ({ signal }) => apiAll<RiskMatrix>('/risk-matrices', {}, signal),
    staleTime: LONG,
  });
}

/** Looks up by id. */
export function byId<T extends { id: string }>(rows: T[] | undefined): Map<string, T> {
  return new Map((rows ?? []).map((row) => [row.id, row]));
}

export type User = z.infer<typeof user>;

/** The tenant's persons, deactivated ones included (history names them). */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => apiAll<User>('/users', { includeDeactivated: true }, signal),
    staleTime: LONG,
  });
}

/** The statuses as choices in the interface language. */
export function statusOptions(statuses: Status[], locale: 'sv' | 'en'): { value: string; label: string }[] {
  return statuses.map((status) => ({ value: status.id, label: locale === 'sv' ? status.labelSv : status.labelEn }));
}
