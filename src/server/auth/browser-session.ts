import type { Context } from 'hono';
import type { Clock } from '../../domain/clock.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthSettings } from './auth-settings.ts';
import { createSession, SESSION_COOKIE } from './sessions.ts';
import { overTls } from '../http/security-headers.ts';
import { describeCaller } from './describe-caller.ts';
import { SIGN_IN_CHALLENGE_COOKIE, CHALLENGE_LIFETIME_MS, type NewChallenge } from './sign-in-challenges.ts';
import { afterFirstStep, type FirstStepOutcome, type FirstStepMethod } from './sign-in-steps.ts';
import { assertLocalPasswordAllowed, localPasswordPolicy } from './sign-in.ts';

/** The cookie is Secure when the browser came over TLS: directly, or through a proxy the configuration trusts. */
export function isSecure(c: Context): boolean {
  return overTls(c, (c.get('auth') as AuthSettings).trustProxy > 0);
}

/** Sets the session cookie for a session just opened; the secret goes into the cookie and nowhere else. */
export function setSessionCookie(c: Context, secret: string): void {
  // A browser-session cookie (no Max-Age): the server decides when the session ends
  // (idle time that slides with use, and a maximum from sign-in), not a fixed cookie lifetime.
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'Lax', secure: isSecure(c), path: '/' });
}

/** Where the challenge cookie goes: only to the sign-in's own routes. */
const CHALLENGE_COOKIE_PATH = '/api/v1/auth/login';

/**
 * Sets the cookie of a sign-in's second step. HttpOnly, so the page's scripts never see the
 * secret; SameSite=Strict and sent only to /api/v1/auth/login…; it lives as long as the challenge.
 */
export function setChallengeCookie(c: Context, challenge: NewChallenge): void {
  setCookie(c, SIGN_IN_CHALLENGE_COOKIE, challenge.secret, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecure(c),
    path: CHALLENGE_COOKIE_PATH,
    maxAge: Math.floor(CHALLENGE_LIFETIME_MS / 1000),
  });
}

/** Removes the second step's cookie once the sign-in is done. */
export function clearChallengeCookie(c: Context): void {
  if (getCookie(c, SIGN_IN_CHALLENGE_COOKIE) === undefined) return;
  deleteCookie(c, SIGN_IN_CHALLENGE_COOKIE, { path: CHALLENGE_COOKIE_PATH, secure: isSecure(c) });
}

/**
 * Answers the first step of a sign-in: 200 with who is signed in and the session cookie, or 202
 * with the step still to come (a code, or setting up a second factor) and its cookie.
 */
export async function answerFirstStep(c: Context, outcome: FirstStepOutcome) {
  if (outcome.kind === 'challenge') {
    setChallengeCookie(c, outcome.challenge);
    return {
      status: 202 as const,
      body: { step: outcome.challenge.step, expiresAt: outcome.challenge.expiresAt.toISOString() },
    };
  }
  return {
    status: 200 as const,
    body: await describeNewSession(c, outcome, outcome.session.secret, outcome.session.csrfToken),
  };
}

/** Sets the session cookie of a session just opened and answers who is now signed in. */
export async function describeNewSession(
  c: Context,
  person: { tenantId: string; userId: string },
  secret: string,
  csrfToken: string,
) {
  const { db } = c.get('database') as DatabaseHandle;
  setSessionCookie(c, secret);
  clearChallengeCookie(c);
  return describeCaller(db, {
    ...person,
    via: 'session',
    mayWrite: true,
    csrfToken,
    now: (c.get('clock') as Clock).now(),
  });
}

/**
 * After a person proved who they are with a password they just chose through a one-time link:
 * the tenant's local sign-in policy applies as at sign-in, and a second factor is asked for
 * (or set up) before any session opens.
 */
export async function firstStepByLink(
  c: Context,
  person: { tenantId: string; userId: string },
  method: FirstStepMethod,
) {
  const { db } = c.get('database') as DatabaseHandle;
  await assertLocalPasswordAllowed(db, await localPasswordPolicy(db, person));
  const auth = c.get('auth') as AuthSettings;
  return answerFirstStep(
    c,
    await afterFirstStep(db, person, { now: (c.get('clock') as Clock).now(), lifetime: auth.session, method }),
  );
}

/**
 * Signs a person into this browser once they have proved who they are some other way than with
 * their password (the first-run page): opens a session, sets the cookie, and answers as sign-in
 * does.
 */
export async function startBrowserSession(c: Context, person: { tenantId: string; userId: string }) {
  const { db } = c.get('database') as DatabaseHandle;
  const now = (c.get('clock') as Clock).now();
  const auth = c.get('auth') as AuthSettings;
  const session = await createSession(db, person.tenantId, person.userId, now, auth.session);
  setSessionCookie(c, session.secret);
  return describeCaller(db, { ...person, via: 'session', mayWrite: true, csrfToken: session.csrfToken, now });
}
