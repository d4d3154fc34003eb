import { useQuery } from '@tanstack/react-query';
import { orgUnitQueries, type OrgUnit } from '../api/org-units.ts';
import { planQueries, type Plan } from '../api/plans.ts';
import { riskMatrixQueries, type RiskMatrix } from '../api/risk-matrices.ts';
import { statusQueries, type Status } from '../api/statuses.ts';
import { userQueries, type User } from '../api/users.ts';

// The tenant's small, slowly changing lists that many screens use: fetched once, kept a while.

export type { OrgUnit, Plan, RiskMatrix, Status, User };

export function useStatuses() {
  return useQuery(statusQueries.list());
}

export function useOrgUnits() {
  return useQuery(orgUnitQueries.list());
}

export function usePlans() {
  return useQuery(planQueries.list());
}

export function useRiskMatrices() {
  return useQuery(riskMatrixQueries.list());
}

/** Looks up by id. */
export function byId<T extends { id: string }>(rows: T[] | undefined): Map<string, T> {
  return new Map((rows ?? []).map((row) => [row.id, row]));
}

/** The tenant's persons, deactivated ones included (history names them). */
export function useUsers() {
  return useQuery(userQueries.list());
}

/** The statuses as choices in the interface language. */
export function statusOptions(statuses: Status[], locale: 'sv' | 'en'): { value: string; label: string }[] {
  return statuses.map((status) => ({ value: status.id, label: locale === 'sv' ? status.labelSv : status.labelEn }));
}
