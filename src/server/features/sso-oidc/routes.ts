import { Hono } from 'hono';
import type { ApiEnv } from '../../http/api-router.ts';
import {
  consumeAttempt,
  failSignIn,
  findFlowProvider,
  finishSignIn,
  safeReturnTo,
  ssoAddresses,
  type Attempt,
  type FlowProvider,
} from '../../sso/browser-flow.ts';
import { SsoFailure } from '../../sso/failures.ts';
import { oidcClaims } from '../../sso/oidc.ts';
import { beginOidcSignIn } from '../../sso/oidc-flow.ts';

/**
 * The browser's side of OpenID Connect, under /sso/{tenant}/{provider}/oidc: the start that sends
 * the person to the provider, the redirect URI the provider sends them back to, and the page the
 * provider returns to after signing out.
 */
export function oidcRoutes() {
  const router = new Hono<ApiEnv>();

  router.get('/:tenant/:provider/oidc/login', async (c) => {
    const { db } = c.get('database');
    const linkMail = c.get('linkMail');
    let provider: FlowProvider | null = null;
    try {
      provider = await findFlowProvider(db, { ...c.req.param(), protocol: 'oidc' });
      const { url } = await beginOidcSignIn(
        db,
        provider,
        { serverKey: linkMail.key, publicUrl: linkMail.publicUrl, now: c.get('clock').now() },
        { returnTo: safeReturnTo(c.req.query('returnTo')) },
      );
      return c.redirect(url, 303);
    } catch (error) {
      return failSignIn(c, provider, error);
    }
  });

  router.get('/:tenant/:provider/oidc/callback', async (c) => {
    const { db } = c.get('database');
    const linkMail = c.get('linkMail');
    const now = c.get('clock').now();
    let provider: FlowProvider | null = null;
    let attempt: Attempt | null = null;
    try {
      // A test sign-in may go through a provider that is turned off; the attempt tells which it is.
      provider = await findFlowProvider(db, { ...c.req.param(), protocol: 'oidc' }, true);
      const state = c.req.query('state');
      attempt = await consumeAttempt(db, provider, state, now);
      if (!provider.enabled && attempt.testedById === null) throw new SsoFailure('unknown_provider');
      // The address the provider sent the browser to, as the provider knows it: our public address.
      const callbackUrl = new URL(ssoAddresses(linkMail.publicUrl, provider.tenantSlug, provider).redirect);
      callbackUrl.search = new URL(c.req.url).search;
      const claims = await oidcClaims(provider, linkMail.key, {
        callbackUrl,
        state: state!,
        nonce: attempt.nonce!,
        codeVerifier: attempt.codeVerifier!,
        now,
      });
      return await finishSignIn(c, provider, attempt, claims);
    } catch (error) {
      return failSignIn(c, provider, error, attempt);
    }
  });

  // Where the provider sends the browser after RP-initiated sign-out.
  router.get('/:tenant/:provider/oidc/logged-out', (c) => c.redirect('/logga-in', 303));

  return router;
}
