import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { me } from '../../domain/contracts/auth.ts';
import { api, setCsrfToken } from './api.ts';
import { followServerClock } from './clock.ts';

export type Me = z.infer<typeof me>;

export const ME_KEY = ['me'] as const;

/** Who is signed in; fails with 401 when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      const who = await api<Me>('/me', { signal });
      setCsrfToken(who.csrfToken);
      followServerClock(who.now);
      return who;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Signs out, forgets every cached answer and the CSRF token. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken(null);
      queryClient.clear();
    }
  };
}
