import type { Database } from '../../db/client.ts';
import type { ExternalClaims } from '../../sso/claims.ts';
import { consumeAttempt, SsoFailure, type Attempt, type FlowProvider } from '../../sso/browser-flow.ts';
import { validateSamlResponse } from '../../sso/saml.ts';
import { samlSettingsOf } from '../../sso/saml-flow.ts';

/**
 * Takes the IdP's answer to a sign-in: first uses up the attempt its RelayState names (so the
 * same response, or any other for that attempt, is refused the second time), then checks the
 * response against the attempt's request at the server's clock. Returns the attempt and whom
 * the assertion vouches for; signing in is the caller's next step. A provider that is turned
 * off still answers an administrator's test sign-in, and no one else's.
 */
export async function acceptSamlResponse(
  db: Database,
  provider: FlowProvider,
  options: {
    publicUrl: string;
    /** The form's SAMLResponse (base64) and RelayState, as posted. */
    samlResponse: string | null;
    relayState: string | null;
    now: Date;
  },
): Promise<{ attempt: Attempt; claims: ExternalClaims }> {
  const attempt = await consumeAttempt(db, provider, options.relayState, options.now);
  if (!provider.enabled && attempt.testedById === null) throw new SsoFailure('unknown_provider');
  if (!options.samlResponse) throw new SsoFailure('token_rejected', 'no SAMLResponse');
  const claims = await validateSamlResponse(options.publicUrl, provider, samlSettingsOf(provider), {
    samlResponse: options.samlResponse,
    requestId: attempt.requestId,
    requestedAt: attempt.createdAt,
    now: options.now,
  });
  return { attempt, claims };
}
