import { useQuery, useQueryClient } from '@tanstack/react-query';
import { meQueries, signOut, type Me } from '../api/me.ts';

export type { Me };

/** Who is signed in; fails with 401 when nobody is. */
export function useMe() {
  return useQuery(meQueries.me());
}

/** Signs out, forgets every cached answer and the CSRF token. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return async (): Promise<string | null> => {
    try {
      return await signOut();
    } finally {
      queryClient.clear();
    }
  };
}
