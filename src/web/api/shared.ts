import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';

// What every API module of the web app shares: how list filters are typed after a contract's
// query schema, and how a write marks the cached answers it changed as stale.

/** The filters of a list, by the names its contract's query schema gives them (all optional). */
export type ListFilters<Query extends z.ZodType> = {
  [Key in keyof z.input<Query>]?: string | number | boolean | null | undefined;
};

/** The request body a contract accepts (before its defaults are applied). */
export type Body<Schema extends z.ZodType> = z.input<Schema>;

/** The answer a contract describes. */
export type Answer<Schema extends z.ZodType> = z.infer<Schema>;

/**
 * Marks every cached answer under each of these key prefixes as stale: the ones on screen are
 * fetched again at once, the others when next shown.
 */
export async function invalidateKeys(queryClient: QueryClient, keys: readonly QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
