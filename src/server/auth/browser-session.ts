import type { Context } from 'hono';
import type { Clock } from '../../domain/clock.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { setCookie } from 'hono/cookie';
import type { AuthSettings } from './auth-settings.ts';
import { createSession, SESSION_COOKIE } from './sessions.ts';
import { overTls } from '../http/security-headers.ts';
import { describeCaller } from './describe-caller.ts';

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

/**
 * Signs a person into this browser once they have proved who they are some other way than with
 * their password (a one-time link, the first-run page): opens a session, sets the cookie, and
 * answers as sign-in does.
 */
export async function startBrowserSession(c: Context, person: { tenantId: string; userId: string }) {
  const { db } = c.get('database') as DatabaseHandle;
  const now = (c.get('clock') as Clock).now();
  const auth = c.get('auth') as AuthSettings;
  const session = await createSession(db, person.tenantId, person.userId, now, auth.session);
  setSessionCookie(c, session.secret);
  return describeCaller(db, { ...person, via: 'session', mayWrite: true, csrfToken: session.csrfToken, now });
}
