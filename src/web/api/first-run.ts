import { queryOptions } from '@tanstack/react-query';
import type { firstRunInput, firstRunState } from '../../domain/contracts/tenants.ts';
import { api, setCsrfToken } from '../lib/api.ts';
import type { Me } from './me.ts';
import type { Answer, Body } from './shared.ts';

export type FirstRunState = Answer<typeof firstRunState>;

/** Whether the installation still waits for its first organisation (open to everyone). */
export const firstRunKeys = {
  state: ['first-run'] as const,
};

export function getFirstRunState(signal?: AbortSignal) {
  return api<FirstRunState>('/setup', { signal });
}

/**
 * Creates the first organisation and its administrator with the setup code from the server's
 * log; the answer is the administrator, now signed in, with the CSRF token for writes.
 */
export async function setUpFirstTenant(body: Body<typeof firstRunInput>): Promise<Me> {
  const who = await api<Me>('/setup', { method: 'POST', body });
  setCsrfToken(who.csrfToken);
  return who;
}

export const firstRunQueries = {
  // Asked whenever nobody is signed in: once the first organisation exists the answer never
  // changes back, and until then it decides between the first-run page and signing in.
  state: () =>
    queryOptions({ queryKey: firstRunKeys.state, queryFn: ({ signal }) => getFirstRunState(signal), retry: false }),
};
