import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { loadAccess, type Principal } from '../access/access.ts';
import { AppError } from '../errors.ts';
import type { ApiEnv } from '../http/api-router.ts';
import { localize } from '../messages/messages.ts';
import { findApiToken } from './api-token-secrets.ts';
import { sameSecret } from './secrets.ts';
import { findSession, SESSION_COOKIE } from './sessions.ts';

/** The header that carries the session's CSRF token on every write made with the cookie. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds who is calling, from `Authorization: Bearer <API token>` or the session cookie, and
 * sets their access. A write made with the cookie must carry the session's CSRF token in
 * `X-CSRF-Token`: another site can make the browser send the cookie, but cannot read the token.
 */
export function authenticate(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const { db } = c.get('database');
    const now = c.get('clock').now();
    let principal: Principal;
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const token = match ? await findApiToken(db, match[1]!, now) : null;
      if (!token)
        throw new AppError(
          'unauthenticated',
          localize((m) => m.auth.invalidApiToken),
        );
      principal = {
        tenantId: token.tenantId,
        userId: token.userId,
        via: 'token',
        mayWrite: token.access === 'read_write',
        tokenId: token.id,
      };
    } else {
      const secret = getCookie(c, SESSION_COOKIE);
      const session = secret ? await findSession(db, secret, now, c.get('auth').session) : null;
      if (!session) throw new AppError('unauthenticated');
      if (!SAFE_METHODS.has(c.req.method)) {
        const sent = c.req.header(CSRF_HEADER);
        if (!sent || !sameSecret(sent, session.csrfToken)) {
          throw new AppError(
            'forbidden',
            localize((m) => m.auth.csrfHeaderRequired),
          );
        }
      }
      principal = {
        tenantId: session.tenantId,
        userId: session.userId,
        via: 'session',
        mayWrite: true,
        sessionId: session.id,
      };
    }
    c.set('access', await loadAccess(db, principal, c.get('clock')));
    await next();
  };
}
