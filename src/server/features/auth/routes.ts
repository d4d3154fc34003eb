import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hash, verify } from '@node-rs/argon2';
import { me, passwordChange, signInInput } from '../../../domain/contracts/auth.ts';
import type { Database } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import { clientAddress, type AuthSettings } from '../../auth/auth-settings.ts';
import { overTls } from '../../http/security-headers.ts';
import { createSession, findSession, revokeSession, revokeSessionsOf, SESSION_COOKIE } from '../../auth/sessions.ts';
import { releaseSignInAttempt, reserveSignInAttempt, verifyCredentials } from '../../auth/sign-in.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { AppError } from '../../errors.ts';

/** Behind TLS (directly or through a proxy that says so) the cookie is marked Secure. */
/** The cookie is Secure when the browser came over TLS: directly, or through a proxy the configuration trusts. */
function isSecure(c: Context): boolean {
  return overTls(c, (c.get('auth') as AuthSettings).trustProxy > 0);
}

async function describe(db: Database, tenantId: string, userId: string, via: 'session' | 'token', mayWrite: boolean, csrfToken: string | null, now: Date) {
  const [row] = await db
    .select({ user: { id: users.id, name: users.name, email: users.email, title: users.title, locale: users.locale }, tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name } })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  const roles = await db
    .select({ id: roleAssignments.id, unitId: roleAssignments.unitId, unitName: orgUnits.name, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, roleAssignments.tenantId), eq(orgUnits.id, roleAssignments.unitId)))
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, userId), isNull(roleAssignments.revokedAt)))
    .orderBy(asc(orgUnits.name), asc(roleAssignments.role));
  return { ...row!, roles, via, mayWrite, csrfToken, now: now.toISOString() };
}

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
      const who = await verifyCredentials(db, credentials, now, { clientAddress: clientAddress(c, auth.trustProxy), limits: auth.signIn });
      const session = await createSession(db, who.tenantId, who.userId, now, auth.session);
      // A browser-session cookie (no Max-Age): the server decides when the session ends
      // (idle time that slides with use, and a maximum from sign-in), not a fixed cookie lifetime.
      setCookie(c, SESSION_COOKIE, session.secret, { httpOnly: true, sameSite: 'Lax', secure: isSecure(c), path: '/' });
      return c.json(await describe(db, who.tenantId, who.userId, 'session', true, session.csrfToken, now), 200);
    },
  );

  return router;
}

/** Sign-out and "who am I", for a caller the authentication middleware has identified. */
export function sessionRoutes() {
  const signedIn = createRouter();

  signedIn.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['Sign-in'],
      summary: 'Sign out: ends the session',
      responses: { 204: { description: 'Signed out' }, ...problems('forbidden') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const secret = getCookie(c, SESSION_COOKIE);
      const session = secret ? await findSession(db, secret, c.get('clock').now(), c.get('auth').session) : null;
      if (!session) throw new AppError('unauthenticated');
      await revokeSession(db, session);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(c) });
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
      const { db } = c.get('database');
      const access = c.get('access');
      let csrfToken: string | null = null;
      if (access.principal.via === 'session') {
        const secret = getCookie(c, SESSION_COOKIE);
        csrfToken = secret ? ((await findSession(db, secret, c.get('clock').now(), c.get('auth').session))?.csrfToken ?? null) : null;
      }
      return c.json(await describe(db, access.tenantId, access.userId, access.principal.via, access.principal.mayWrite, csrfToken, access.clock.now()), 200);
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
      const { db } = c.get('database');
      const access = c.get('access');
      const input = c.req.valid('json');
      if (access.principal.via !== 'session') {
        throw new AppError('forbidden', { sv: 'Lösenordet byts i webbläsaren, inte med en API-nyckel.', en: 'A password is changed in the browser, not with an API token.' });
      }
      const [person] = await db.select().from(users).where(and(eq(users.tenantId, access.tenantId), eq(users.id, access.userId)));
      if (!person?.passwordHash) {
        throw new AppError('forbidden', { sv: 'Du har inget lösenord att byta. Be kommunens administratör om ett.', en: 'You have no password to change. Ask the tenant administrator for one.' });
      }
      // Guessing the current password is held to the sign-in limits, as guessing it at sign-in is.
      const auth = c.get('auth');
      const reservationId = await reserveSignInAttempt(db, { email: (person.email ?? `user:${person.id}`).toLowerCase(), clientAddress: clientAddress(c, auth.trustProxy) }, auth.signIn, c.get('clock').now());
      if (!(await verify(person.passwordHash, input.currentPassword))) {
        throw new AppError('validation_failed', undefined, [{ path: 'currentPassword', message: { sv: 'Det är inte ditt nuvarande lösenord.', en: 'That is not your current password.' } }]);
      }
      await releaseSignInAttempt(db, reservationId);
      if (input.newPassword === input.currentPassword) {
        throw new AppError('validation_failed', undefined, [{ path: 'newPassword', message: { sv: 'Välj ett annat lösenord än det nuvarande.', en: 'Choose a password other than the current one.' } }]);
      }
      const passwordHash = await hash(input.newPassword);
      await db.transaction(async (tx) => {
        await updateAudited(tx, users, { current: person, expectedVersion: person.version, values: { passwordHash }, present: () => null }, { actor: access.actor, entityType: 'user', unitId: null });
        // Whoever knew the old password is signed out everywhere else.
        await revokeSessionsOf(tx, { tenantId: access.tenantId, userId: access.userId }, access.principal.sessionId);
      });
      return c.body(null, 204);
    },
  );

  return signedIn;
}
