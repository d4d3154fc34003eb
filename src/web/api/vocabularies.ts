import { queryOptions } from '@tanstack/react-query';
import type {
  vocabularyEntry,
  vocabularyEntryCreate,
  vocabularyEntryUpdate,
  vocabularyListQuery,
  vocabularyRef,
} from '../../domain/contracts/vocabularies.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type VocabularyEntry = Answer<typeof vocabularyEntry>;
export type VocabularyRef = Answer<typeof vocabularyRef>;
type VocabularyFilters = ListFilters<typeof vocabularyListQuery>;

/** The tenant's vocabularies: processes, risk categories, control methods, deviation severities. */
export const vocabularyKeys = {
  all: ['vocabularies'] as const,
  list: (filters: VocabularyFilters) => [...vocabularyKeys.all, 'list', filters] as const,
};

export function listVocabularyEntries(filters: VocabularyFilters, signal?: AbortSignal) {
  return apiAll<VocabularyEntry>('/vocabularies', filters, signal);
}

export function createVocabularyEntry(body: Body<typeof vocabularyEntryCreate>) {
  return api<VocabularyEntry>('/vocabularies', { method: 'POST', body });
}

export function updateVocabularyEntry(id: string, body: Body<typeof vocabularyEntryUpdate>) {
  return api<VocabularyEntry>(`/vocabularies/${id}`, { method: 'PATCH', body });
}

/** Archives an entry (kept, never deleted: plans that use it keep showing it) or restores it. */
export function setVocabularyEntryArchived(id: string, archived: boolean) {
  return api<VocabularyEntry>(`/vocabularies/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' });
}

export const vocabularyQueries = {
  /** The entries (of one kind, offered for one year, when given). */
  list: (filters: VocabularyFilters = {}) =>
    queryOptions({
      queryKey: vocabularyKeys.list(filters),
      queryFn: ({ signal }) => listVocabularyEntries(filters, signal),
      staleTime: 5 * 60_000,
    }),
};
