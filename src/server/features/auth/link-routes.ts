import { createRoute } from '@hono/zod-openapi';
import { me, secondStepRequired } from '../../../domain/contracts/auth.ts';
import {
  linkDescription,
  linkPassword,
  linkSecret,
  passwordResetAnswer,
  passwordResetRequest,
} from '../../../domain/contracts/tenants.ts';
import { preferredLocale } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { mailsLinks } from '../../auth/link-mail.ts';
import { describeOneTimeLink, setPasswordWithLink } from '../../auth/one-time-links.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { firstStepByLink } from '../../auth/browser-session.ts';

/**
 * One-time links, open to everyone who holds one: the page at /valj-losenord reads the secret
 * from its address (the fragment, never sent to a server by itself) and posts it here. POST, so
 * that the secret stays out of URLs and access logs here too.
 */
export function linkRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/links/describe',
      tags: ['Sign-in'],
      summary: 'Who a one-time link is for, and until when it is valid; does not use it',
      security: [],
      request: jsonBody(linkSecret),
      responses: {
        200: json(linkDescription, 'The link can be used'),
        ...problems('validation_failed', 'not_found', 'gone', 'forbidden'),
      },
    }),
    async (c) => {
      const link = await describeOneTimeLink(c.get('database').db, c.req.valid('json').secret, c.get('clock').now());
      return c.json({ ...link, expiresAt: link.expiresAt.toISOString() }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/links/password',
      tags: ['Sign-in'],
      summary: 'Choose a password with a one-time link; uses the link, ends other sessions and signs in',
      description:
        'A person with two-step verification (or an administrator who must set it up) gets 202 as from /auth/login: the second step follows before any session. Where the tenant requires SSO, the password is set but nobody is signed in with it (401), but a break-glass administrator.',
      security: [],
      request: jsonBody(linkPassword),
      responses: {
        200: json(me, 'Password set and signed in'),
        202: json(secondStepRequired, 'Password set; the second step of the sign-in is still to come'),
        ...problems('validation_failed', 'not_found', 'gone', 'forbidden'),
      },
    }),
    async (c) => {
      const { secret, password } = c.req.valid('json');
      const person = await setPasswordWithLink(c.get('database').db, { secret, password, now: c.get('clock').now() });
      const answer = await firstStepByLink(c, person, 'one_time_link');
      return answer.status === 202 ? c.json(answer.body, 202) : c.json(answer.body, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password-reset',
      tags: ['Sign-in'],
      summary: 'Forgot the password: a one-time link, valid 1 h, by mail to every account of the address',
      description:
        'The answer is the same whether or not the address has an account. At most three links per account and hour.',
      security: [],
      request: jsonBody(passwordResetRequest),
      responses: { 202: json(passwordResetAnswer, 'Asked; a mail is on its way if there is an account') },
    }),
    async (c) => {
      const linkMail = c.get('linkMail');
      await requestPasswordReset(c.get('database').db, c.req.valid('json'), c.get('clock').now(), linkMail);
      const locale = preferredLocale(c.req.header('accept-language'));
      // Where no link can be mailed, everyone is told so: it says nothing about any address.
      const message = localize((m) => (mailsLinks(linkMail) ? m.linkMail.resetAnswer : m.linkMail.resetUnavailable));
      return c.json({ message: message[locale] }, 202);
    },
  );

  return router;
}
