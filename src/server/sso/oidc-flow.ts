import type { Database } from '../db/client.ts';
import { ssoAddresses, startAttempt, type FlowProvider } from './browser-flow.ts';
import { newOidcSecrets, oidcAuthorizationUrl } from './oidc.ts';

/**
 * Starts a sign-in (or an administrator's test sign-in) through an OpenID provider: the attempt
 * keeps the nonce and the PKCE verifier; the state travels through the provider and back.
 * Returns the provider's address to send the browser to, and the attempt.
 */
export async function beginOidcSignIn(
  db: Database,
  provider: FlowProvider,
  context: { serverKey: Buffer | null; publicUrl: string; now: Date },
  options: { returnTo?: string | null; testedById?: string | null },
): Promise<{ url: string; attemptId: string }> {
  const { redirect } = ssoAddresses(context.publicUrl, provider.tenantSlug, provider);
  const secrets = newOidcSecrets();
  const { state, attemptId } = await startAttempt(db, provider, { ...options, ...secrets }, context.now);
  const url = await oidcAuthorizationUrl(provider, context.serverKey, {
    ...secrets,
    redirectUri: redirect,
    state,
    now: context.now,
  });
  return { url: url.toString(), attemptId };
}
