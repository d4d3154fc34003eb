import { queryOptions } from '@tanstack/react-query';
import type { searchResults } from '../../domain/contracts/search.ts';
import { api } from '../lib/api.ts';
import type { Answer } from './shared.ts';

export type SearchResults = Answer<typeof searchResults>;
export type SearchHit = SearchResults['groups'][number]['items'][number];

/** The search over everything the person could open. */
export const searchKeys = {
  all: ['search'] as const,
  of: (q: string) => [...searchKeys.all, q] as const,
};

export function getSearchResults(q: string, signal?: AbortSignal) {
  return api<SearchResults>('/search', { query: { q }, signal });
}

export const searchQueries = {
  of: (q: string) =>
    queryOptions({
      queryKey: searchKeys.of(q),
      queryFn: ({ signal }) => getSearchResults(q, signal),
      enabled: q.trim() !== '',
    }),
};
