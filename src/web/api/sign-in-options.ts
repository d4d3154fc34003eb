import { queryOptions } from '@tanstack/react-query';
import type { signInOptions } from '../../domain/contracts/identity-providers.ts';
import { api } from '../lib/api.ts';
import type { Answer } from './shared.ts';

export type SignInOptions = Answer<typeof signInOptions>;

export const signInOptionKeys = {
  all: ['sign-in-options'] as const,
  of: (organisation: string | undefined) => [...signInOptionKeys.all, organisation ?? null] as const,
};

export const signInOptionQueries = {
  /** How an organisation's people sign in; without one named, the installation's only organisation. */
  of: (organisation: string | undefined) =>
    queryOptions({
      queryKey: signInOptionKeys.of(organisation),
      queryFn: ({ signal }) =>
        api<SignInOptions>('/sign-in-options', {
          query: organisation ? { organisation } : {},
          signal,
        }),
      staleTime: 60_000,
    }),
};
