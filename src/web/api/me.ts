import { queryOptions } from '@tanstack/react-query';
import type {
  enrolledSignIn,
  me,
  passwordChange,
  recoveryCodesAnswer,
  secondFactorEnrolment,
  secondFactorTurnOff,
  secondStepInput,
  secondStepRequired,
  signedOut,
  signInInput,
} from '../../domain/contracts/auth.ts';
import { api, setCsrfToken } from '../lib/api.ts';
import { followServerClock } from '../lib/clock.ts';
import type { Answer, Body } from './shared.ts';

export type Me = Answer<typeof me>;
/** The password was right, and a second step is still to come (its secret is in an HttpOnly cookie). */
export type SecondStep = Answer<typeof secondStepRequired>;
export type SecondFactorEnrolment = Answer<typeof secondFactorEnrolment>;

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

/**
 * Signs in: the answer is who is now signed in, with the CSRF token for writes, or (for a person
 * with two-step verification, or an administrator who must set it up) the step still to come.
 */
export async function signIn(body: Body<typeof signInInput>): Promise<Me | SecondStep> {
  const answer = await api<Me | SecondStep>('/auth/login', { method: 'POST', body });
  if ('step' in answer) return answer;
  setCsrfToken(answer.csrfToken);
  return answer;
}

/** The second step of a sign-in: a code from the app, or a recovery code. */
export async function completeSignIn(body: Body<typeof secondStepInput>): Promise<Me> {
  const who = await api<Me>('/auth/login/second-factor', { method: 'POST', body });
  setCsrfToken(who.csrfToken);
  return who;
}

/** During a sign-in that requires it: begins setting up two-step verification. */
export function startSignInEnrolment() {
  return api<SecondFactorEnrolment>('/auth/login/enrolment', { method: 'POST' });
}

/** During a sign-in that requires it: the first code turns two-step verification on and signs in. */
export async function confirmSignInEnrolment(code: string) {
  const answer = await api<Answer<typeof enrolledSignIn>>('/auth/login/enrolment/confirm', {
    method: 'POST',
    body: { code },
  });
  setCsrfToken(answer.me.csrfToken);
  return answer;
}

/** Begins setting up two-step verification for the signed-in person. */
export function startSecondFactor() {
  return api<SecondFactorEnrolment>('/me/second-factor', { method: 'POST' });
}

/** Turns two-step verification on with the first code; answers the recovery codes, shown once. */
export function confirmSecondFactor(code: string) {
  return api<Answer<typeof recoveryCodesAnswer>>('/me/second-factor/confirm', { method: 'POST', body: { code } });
}

/** New recovery codes, with a present code as proof. */
export function regenerateRecoveryCodes(code: string) {
  return api<Answer<typeof recoveryCodesAnswer>>('/me/second-factor/recovery-codes', {
    method: 'POST',
    body: { code },
  });
}

/** Turns two-step verification off (password and a present code). */
export function turnOffSecondFactor(body: Body<typeof secondFactorTurnOff>) {
  return api<void>('/me/second-factor/turn-off', { method: 'POST', body });
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
