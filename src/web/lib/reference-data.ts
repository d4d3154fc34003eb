import { useQuery } from '@tanstack/react-query';
import { orgUnitQueries, type OrgUnit } from '../api/org-units.ts';
import { planQueries, type Plan } from '../api/plans.ts';
import { riskMatrixQueries, type RiskMatrix } from '../api/risk-matrices.ts';
import { statusQueries, type Status } from '../api/statuses.ts';
import { userQueries, type User } from '../api/users.ts';
import { vocabularyQueries, type VocabularyEntry, type VocabularyRef } from '../api/vocabularies.ts';
import type { VocabularyKind } from '../../domain/vocabulary.ts';

// The tenant's small, slowly changing lists that many screens use: fetched once, kept a while.

export type { OrgUnit, Plan, RiskMatrix, Status, User, VocabularyEntry, VocabularyRef };

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

/**
 * One of the tenant's vocabularies (processes, risk categories, control methods, deviation
 * severities), the entries offered for `year` when given, else all active ones.
 */
export function useVocabulary(kind: VocabularyKind, year?: number) {
  return useQuery(vocabularyQueries.list(year === undefined ? { kind } : { kind, year }));
}

/** An entry's label in the interface language, with "(arkiverad)"-style marking left to the caller. */
export function vocabularyLabel(ref: { labelSv: string; labelEn: string }, locale: 'sv' | 'en'): string {
  return locale === 'sv' ? ref.labelSv : ref.labelEn;
}

/** The entries as choices in the interface language; an archived entry the item still has is kept. */
export function vocabularyOptions(
  entries: VocabularyEntry[],
  locale: 'sv' | 'en',
  current?: VocabularyRef | null,
): { value: string; label: string }[] {
  const options = entries.map((entry) => ({ value: entry.id, label: vocabularyLabel(entry, locale) }));
  if (current && !options.some((option) => option.value === current.id))
    options.push({ value: current.id, label: vocabularyLabel(current, locale) });
  return options;
}
