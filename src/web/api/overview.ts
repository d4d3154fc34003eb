import { queryOptions } from '@tanstack/react-query';
import type { overview } from '../../domain/contracts/overview.ts';
import { api } from '../lib/api.ts';
import type { Answer } from './shared.ts';

export type Overview = Answer<typeof overview>;

/** Kommunstyrelsens översikt: counted by the server from every plan under a unit for a year. */
export const overviewKeys = {
  all: ['overview'] as const,
  of: (unit: string | undefined, year: number | undefined) => [...overviewKeys.all, { unit, year }] as const,
};

export function getOverview(unit: string | undefined, year: number | undefined, signal?: AbortSignal) {
  return api<Overview>('/overview', { query: { unit, year }, signal });
}

export const overviewQueries = {
  of: (unit: string | undefined, year: number | undefined) =>
    queryOptions({
      queryKey: overviewKeys.of(unit, year),
      queryFn: ({ signal }) => getOverview(unit, year, signal),
      enabled: unit !== undefined && year !== undefined,
    }),
};
