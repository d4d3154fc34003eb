import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { me, meUpdate, passwordChange, signedOut, signInInput } from '../../../domain/contracts/auth.ts';
import { providerSignOutUrl } from '../../sso/sign-out.ts';
import { expectedVersion } from '../../audit/audited-writes.ts';
import { clientAddress } from '../../auth/auth-settings.ts';
import { SESSION_COOKIE } from '../../auth/sessions.ts';
import { createRouter, type ApiEnv } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { isSecure, setSessionCookie } from '../../auth/browser-session.ts';
import { changePassword } from './change-password.ts';
import { describeCaller } from '../../auth/describe-caller.ts';
import { describeMe } from './describe-me.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { updateMe } from './update-me.ts';

/** Sign-in: the one API route open to everyone. */
export function signInRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['Sign-in'],
      summary: 'Sign in with e-mail and password; sets the session cookie',
      security: [],
      request: jsonBody(signInInput),
      responses: { 200: json(me, 'Signed in'), ...problems('validation_failed', 'rate_limited') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const credentials = c.req.valid('json');
      const now = c.get('clock').now();
      const auth = c.get('auth');
      const { tenantId, userId, session } = await signIn(db, {
        credentials,
        now,
        clientAddress: clientAddress(c, auth.trustProxy),
        settings: auth,
      });
      setSessionCookie(c, session.secret);
      return c.json(
        await describeCaller(db, {
          tenantId,
          userId,
          via: 'session',
          mayWrite: true,
          csrfToken: session.csrfToken,
          now,
        }),
        200,
      );
    },
  );

  return router;
}

/** "Who am I" for the caller of this request; a session's CSRF token comes from its cookie. */
function describeCurrentCaller(c: Context<ApiEnv>) {
  const access = c.get('access');
  const secret = access.principal.via === 'session' ? getCookie(c, SESSION_COOKIE) : undefined;
  return describeMe(c.get('database').db, access, {
    secret,
    now: c.get('clock').now(),
    lifetime: c.get('auth').session,
  });
}

/** Sign-out and "who am I", for a caller the authentication middleware has identified. */
export function sessionRoutes() {
  const signedIn = createRouter();

  signedIn.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['Sign-in'],
      summary: "Sign out: ends the session (and says where to end the identity provider's session)",
      responses: {
        200: json(signedOut, 'Signed out of Uppsikt; open signOutUrl to sign out of the identity provider too'),
        204: { description: 'Signed out' },
        ...problems('forbidden'),
      },
    }),
    async (c) => {
      const { db } = c.get('database');
      const now = c.get('clock').now();
      const session = await signOut(db, {
        secret: getCookie(c, SESSION_COOKIE),
        now,
        lifetime: c.get('auth').session,
      });
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(c) });
      const signOutUrl = session.providerId
        ? await providerSignOutUrl(db, session.tenantId, session.providerId, c.get('linkMail'), now)
        : null;
      if (signOutUrl) return c.json({ signOutUrl }, 200);
      return c.body(null, 204);
    },
  );

  signedIn.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Sign-in'],
      summary: 'The signed-in person, their tenant, their roles and the CSRF token',
      responses: { 200: json(me, 'Who is calling') },
    }),
    async (c) => {
      return c.json(await describeCurrentCaller(c), 200);
    },
  );

  signedIn.openapi(
    createRoute({
      method: 'patch',
      path: '/me',
      tags: ['Sign-in'],
      summary: 'Change your own name, title and language',
      request: jsonBody(meUpdate),
      responses: { 200: json(me, 'Changed'), ...problems('validation_failed', 'forbidden', 'conflict') },
    }),
    async (c) => {
      const access = c.get('access');
      const { version, ...changes } = c.req.valid('json');
      await updateMe(c.get('database').db, access, {
        version: expectedVersion(version, c.req.header('if-match')),
        changes,
      });
      return c.json(await describeCurrentCaller(c), 200);
    },
  );

  signedIn.openapi(
    createRoute({
      method: 'post',
      path: '/me/password',
      tags: ['Sign-in'],
      summary: 'Change your own password; your other sessions end, this one stays signed in',
      request: jsonBody(passwordChange),
      responses: { 204: { description: 'Changed' }, ...problems('validation_failed', 'forbidden', 'rate_limited') },
    }),
    async (c) => {
      const auth = c.get('auth');
      await changePassword(c.get('database').db, c.get('access'), {
        ...c.req.valid('json'),
        clientAddress: clientAddress(c, auth.trustProxy),
        limits: auth.signIn,
        now: c.get('clock').now(),
      });
      return c.body(null, 204);
    },
  );

  return signedIn;
}
