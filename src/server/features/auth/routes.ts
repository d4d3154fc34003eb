import { createRoute } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import {
  enrolledSignIn,
  me,
  meUpdate,
  passwordChange,
  recoveryCodesAnswer,
  secondFactorCode,
  secondFactorEnrolment,
  secondFactorTurnOff,
  secondStepInput,
  secondStepRequired,
  signedOut,
  signInInput,
} from '../../../domain/contracts/auth.ts';
import { providerSignOutUrl } from '../../sso/sign-out.ts';
import { expectedVersion } from '../../audit/audited-writes.ts';
import { clientAddress } from '../../auth/auth-settings.ts';
import { SESSION_COOKIE } from '../../auth/sessions.ts';
import { createRouter, type ApiEnv } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { answerFirstStep, describeNewSession, isSecure } from '../../auth/browser-session.ts';
import { requireServerKey } from '../../auth/second-factor.ts';
import { SIGN_IN_CHALLENGE_COOKIE } from '../../auth/sign-in-challenges.ts';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { changePassword } from './change-password.ts';
import { attemptWithCode } from './code-attempt.ts';
import { completeSignIn, confirmEnrolmentAtSignIn, startEnrolmentAtSignIn } from './complete-sign-in.ts';
import { confirmSecondFactor } from './confirm-second-factor.ts';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.ts';
import { startSecondFactor } from './start-second-factor.ts';
import { turnOffSecondFactor } from './turn-off-second-factor.ts';
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
      summary: 'Sign in with e-mail and password; sets the session cookie, or starts the second step',
      description:
        'A person with two-step verification, or an administrator who must set it up, gets 202 and a short-lived HttpOnly cookie (`uppsikt_sign_in`, 5 minutes) instead of a session: the second step follows at /auth/login/second-factor or /auth/login/enrolment.',
      security: [],
      request: jsonBody(signInInput),
      responses: {
        200: json(me, 'Signed in'),
        202: json(secondStepRequired, 'The password was right; the second step is still to come'),
        ...problems('validation_failed', 'rate_limited'),
      },
    }),
    async (c) => {
      const { db } = c.get('database');
      const auth = c.get('auth');
      const outcome = await signIn(db, {
        credentials: c.req.valid('json'),
        now: c.get('clock').now(),
        clientAddress: clientAddress(c, auth.trustProxy),
        settings: auth,
      });
      const answer = await answerFirstStep(c, outcome);
      return answer.status === 202 ? c.json(answer.body, 202) : c.json(answer.body, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login/second-factor',
      tags: ['Sign-in'],
      summary: 'The second step of a sign-in: a TOTP code or a recovery code; sets the session cookie',
      description:
        'Needs the cookie the password step set. A code is accepted once; five wrong codes end the step, and wrong codes count towards the sign-in limits (429).',
      security: [],
      request: jsonBody(secondStepInput),
      responses: {
        200: json(me, 'Signed in'),
        ...problems('validation_failed', 'rate_limited', 'not_yet'),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const signedIn = await completeSignIn(c.get('database').db, c.req.valid('json'), {
        secret: getCookie(c, SIGN_IN_CHALLENGE_COOKIE),
        now: c.get('clock').now(),
        clientAddress: clientAddress(c, auth.trustProxy),
        settings: auth,
        key: c.get('linkMail').key,
      });
      return c.json(await describeNewSession(c, signedIn, signedIn.session.secret, signedIn.session.csrfToken), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login/enrolment',
      tags: ['Sign-in'],
      summary: 'During a sign-in that requires it: begin setting up two-step verification',
      description: 'Answers the QR code and key for the authenticator app; nothing is active until confirmed.',
      security: [],
      responses: { 200: json(secondFactorEnrolment, 'Add this to the app'), ...problems('not_yet', 'forbidden') },
    }),
    async (c) =>
      c.json(
        await startEnrolmentAtSignIn(c.get('database').db, {
          secret: getCookie(c, SIGN_IN_CHALLENGE_COOKIE),
          now: c.get('clock').now(),
          key: c.get('linkMail').key,
        }),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login/enrolment/confirm',
      tags: ['Sign-in'],
      summary: 'During a sign-in that requires it: confirm the second factor with its first code; signs in',
      description: 'Answers who is signed in and ten recovery codes, shown this once.',
      security: [],
      request: jsonBody(secondFactorCode),
      responses: {
        200: json(enrolledSignIn, 'Set up and signed in'),
        ...problems('validation_failed', 'rate_limited', 'not_yet'),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const signedIn = await confirmEnrolmentAtSignIn(c.get('database').db, c.req.valid('json').code, {
        secret: getCookie(c, SIGN_IN_CHALLENGE_COOKIE),
        now: c.get('clock').now(),
        clientAddress: clientAddress(c, auth.trustProxy),
        settings: auth,
        key: c.get('linkMail').key,
      });
      const who = await describeNewSession(c, signedIn, signedIn.session.secret, signedIn.session.csrfToken);
      return c.json({ me: who, recoveryCodes: signedIn.recoveryCodes }, 200);
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

  /** The signed-in person (only in the browser: a second factor is not managed with an API token). */
  const browserPerson = (c: Context<ApiEnv>) => {
    const access = c.get('access');
    if (access.principal.via !== 'session') {
      throw new AppError(
        'forbidden',
        localize((m) => m.auth.passwordOnlyInBrowser),
      );
    }
    return { tenantId: access.tenantId, userId: access.userId };
  };
  /** Runs a step that takes a code under the sign-in limits (see attemptWithCode). */
  const withCode = async <Result extends object>(
    c: Context<ApiEnv>,
    during: 'enrolment' | 'recovery_codes' | 'turn_off',
    run: (tx: Transaction) => Promise<Result>,
  ) => {
    const person = browserPerson(c);
    const { db } = c.get('database');
    const [row] = await db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.tenantId, person.tenantId), eq(users.id, person.userId)));
    const auth = c.get('auth');
    return attemptWithCode(
      db,
      { ...person, email: row?.email ?? null },
      { clientAddress: clientAddress(c, auth.trustProxy), limits: auth.signIn, now: c.get('clock').now(), during },
      run,
    );
  };

  signedIn.openapi(
    createRoute({
      method: 'post',
      path: '/me/second-factor',
      tags: ['Sign-in'],
      summary: 'Begin setting up two-step verification: the QR code and key for an authenticator app',
      description:
        'Nothing is active until confirmed with a first code. Needs a server key (SERVER_KEY); without one the answer is 409 saying so.',
      responses: { 200: json(secondFactorEnrolment, 'Add this to the app'), ...problems('forbidden', 'not_yet') },
    }),
    async (c) => {
      const person = browserPerson(c);
      const key = requireServerKey(c.get('linkMail').key);
      return c.json(await c.get('database').db.transaction((tx) => startSecondFactor(tx, person, { key })), 200);
    },
  );

  signedIn.openapi(
    createRoute({
      method: 'post',
      path: '/me/second-factor/confirm',
      tags: ['Sign-in'],
      summary: 'Turn two-step verification on with the first code; answers ten recovery codes, shown this once',
      request: jsonBody(secondFactorCode),
      responses: {
        200: json(recoveryCodesAnswer, 'On'),
        ...problems('validation_failed', 'forbidden', 'not_yet', 'rate_limited'),
      },
    }),
    async (c) => {
      const key = requireServerKey(c.get('linkMail').key);
      const { code } = c.req.valid('json');
      const now = c.get('clock').now();
      const { recoveryCodes } = await withCode(c, 'enrolment', (tx) =>
        confirmSecondFactor(tx, browserPerson(c), { key, code, now }),
      );
      return c.json({ recoveryCodes }, 200);
    },
  );

  signedIn.openapi(
    createRoute({
      method: 'post',
      path: '/me/second-factor/recovery-codes',
      tags: ['Sign-in'],
      summary: 'Ten new recovery codes (a present code as proof); the earlier ones stop working',
      request: jsonBody(secondFactorCode),
      responses: {
        200: json(recoveryCodesAnswer, 'New codes'),
        ...problems('validation_failed', 'forbidden', 'not_yet', 'rate_limited'),
      },
    }),
    async (c) => {
      const key = requireServerKey(c.get('linkMail').key);
      const { code } = c.req.valid('json');
      const now = c.get('clock').now();
      const answer = await withCode(c, 'recovery_codes', (tx) =>
        regenerateRecoveryCodes(tx, browserPerson(c), { key, code, now }),
      );
      return c.json(answer, 200);
    },
  );

  signedIn.openapi(
    createRoute({
      method: 'post',
      path: '/me/second-factor/turn-off',
      tags: ['Sign-in'],
      summary: 'Turn two-step verification off (password and a present code)',
      description: 'Refused (403) for an administrator whose tenant requires a second factor of administrators.',
      request: jsonBody(secondFactorTurnOff),
      responses: {
        204: { description: 'Off' },
        ...problems('validation_failed', 'forbidden', 'not_yet', 'rate_limited'),
      },
    }),
    async (c) => {
      const key = requireServerKey(c.get('linkMail').key);
      const { password, code } = c.req.valid('json');
      const now = c.get('clock').now();
      await withCode(c, 'turn_off', (tx) => turnOffSecondFactor(tx, browserPerson(c), { key, password, code, now }));
      return c.body(null, 204);
    },
  );

  return signedIn;
}
