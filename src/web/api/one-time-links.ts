import { queryOptions } from '@tanstack/react-query';
import type {
  linkDescription,
  linkPassword,
  passwordResetAnswer,
  passwordResetRequest,
} from '../../domain/contracts/tenants.ts';
import { api, setCsrfToken } from '../lib/api.ts';
import type { Me, SecondStep } from './me.ts';
import type { Answer, Body } from './shared.ts';

export type LinkDescription = Answer<typeof linkDescription>;
export type PasswordResetAnswer = Answer<typeof passwordResetAnswer>;

/** One-time links to choose a password (open to whoever holds one). */
export const oneTimeLinkKeys = {
  all: ['one-time-links'] as const,
  description: (secret: string) => [...oneTimeLinkKeys.all, 'description', secret] as const,
};

/** Who a link is for and until when it is valid; does not use it. POST, so the secret stays out of URLs. */
export function describeOneTimeLink(secret: string, signal?: AbortSignal) {
  return api<LinkDescription>('/auth/links/describe', { method: 'POST', body: { secret }, signal });
}

/** Uses the link to set the person's password; the answer is the person, now signed in. */
export async function choosePasswordWithLink(body: Body<typeof linkPassword>): Promise<Me | SecondStep> {
  const answer = await api<Me | SecondStep>('/auth/links/password', { method: 'POST', body });
  // A person with two-step verification is not signed in by the link: the code comes first.
  if ('step' in answer) return answer;
  setCsrfToken(answer.csrfToken);
  return answer;
}

/**
 * Asks for a link to choose a new password, sent to the address if it has an account. The answer
 * is the same whether or not it has one, so that nobody learns which addresses do.
 */
export function requestPasswordReset(body: Body<typeof passwordResetRequest>) {
  return api<PasswordResetAnswer>('/auth/password-reset', { method: 'POST', body });
}

export const oneTimeLinkQueries = {
  // Read once: asking again (on focus, say) would only find the link used after it was.
  description: (secret: string) =>
    queryOptions({
      queryKey: oneTimeLinkKeys.description(secret),
      queryFn: ({ signal }) => describeOneTimeLink(secret, signal),
      staleTime: Infinity,
      retry: false,
    }),
};
