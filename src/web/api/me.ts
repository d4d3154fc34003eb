import { queryOptions } from '@tanstack/react-query';
import type { me, passwordChange, signedOut, signInInput } from '../../domain/contracts/auth.ts';
import { api, setCsrfToken } from '../lib/api.ts';
import { followServerClock } from '../lib/clock.ts';
import type { Answer, Body } from './shared.ts';

export type Me = Answer<typeof me>;

/** The signed-in person, and what is theirs to do. */
export const meKeys = {
  me: ['me'] as const,
};

/** "Mitt arbete": the controls, actions and activities a person answers for. */
export const myWorkKeys = {
  all: ['my-work'] as const,
  of: (userId: string | undefined) => [...myWorkKeys.all, userId] as const,
};

/** Who is signed in (fails with 401 when nobody is); keeps the CSRF token and the server's clock. */
export async function getMe(signal?: AbortSignal): Promise<Me> {
  const who = await api<Me>('/me', { signal });
  setCsrfToken(who.csrfToken);
  followServerClock(who.now);
  return who;
}

/** Signs in; the answer is who is now signed in, with the CSRF token for writes. */
export async function signIn(body: Body<typeof signInInput>): Promise<Me> {
  const who = await api<Me>('/auth/login', { method: 'POST', body });
  setCsrfToken(who.csrfToken);
  return who;
}

/**
 * Signs out and forgets the CSRF token, even when the server could not be reached. Returns the
 * identity provider's sign-out address when the person signed in through one, or null.
 */
export async function signOut(): Promise<string | null> {
  try {
    const answer = await api<Answer<typeof signedOut> | undefined>('/auth/logout', { method: 'POST' });
    return answer?.signOutUrl ?? null;
  } finally {
    setCsrfToken(null);
  }
}

/** Changes the person's own password; their other sessions end. */
export function changePassword(body: Body<typeof passwordChange>) {
  return api<void>('/me/password', { method: 'POST', body });
}

export const meQueries = {
  me: () =>
    queryOptions({ queryKey: meKeys.me, queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000, retry: false }),
};
