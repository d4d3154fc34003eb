import { queryOptions } from '@tanstack/react-query';
import type { overview } from '../../domain/contracts/overview.ts';
import { api } from '../lib/api.ts';
import type { Answer } from './shared.ts';

export type Overview = Answer<typeof overview>;

/** Kommunstyrelsens översikt: counted by the server from every plan under a unit for a year. */
export const overviewKeys = {
  all: ['overview'] as const,
  of: (unit: string | undefined, year: number | undefined, filter: OverviewFilter = {}) =>
    [...overviewKeys.all, { unit, year, ...filter }] as const,
};

/** Only the risks of a process or a risk category (vocabulary entry ids), and what belongs to them. */
export interface OverviewFilter {
  process?: string | undefined;
  category?: string | undefined;
}

export function getOverview(
  unit: string | undefined,
  year: number | undefined,
  filter: OverviewFilter = {},
  signal?: AbortSignal,
) {
  return api<Overview>('/overview', {
    query: { unit, year, process: filter.process, category: filter.category },
    signal,
  });
}

export const overviewQueries = {
  of: (unit: string | undefined, year: number | undefined, filter: OverviewFilter = {}) =>
    queryOptions({
      queryKey: overviewKeys.of(unit, year, filter),
      queryFn: ({ signal }) => getOverview(unit, year, filter, signal),
      enabled: unit !== undefined && year !== undefined,
    }),
};
