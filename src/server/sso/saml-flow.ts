import { samlSettings } from '../../domain/contracts/identity-providers.ts';
import type { Database } from '../db/client.ts';
import { safeReturnTo, SsoFailure, startAttempt, type FlowProvider } from './browser-flow.ts';
import { newSamlRequestId, samlSignInUrl, type SamlSettings } from './saml.ts';

/** A provider's stored settings as SAML settings; settings that no longer parse stop the sign-in. */
export function samlSettingsOf(provider: FlowProvider): SamlSettings {
  const parsed = samlSettings.safeParse(provider.settings);
  if (!parsed.success) throw new SsoFailure('unknown_provider', 'the SAML settings are not valid');
  return parsed.data;
}

/**
 * Begins a sign-in (or an administrator's test sign-in) through a SAML IdP: opens a single-use
 * attempt that keeps the AuthnRequest's id and where the person was going, and returns the IdP's
 * address with the request (HTTP-Redirect binding) and the attempt's state as RelayState.
 */
export async function startSamlSignIn(
  db: Database,
  provider: FlowProvider,
  options: {
    /** The address people open Uppsikt at; our entity id and ACS start with it. */
    publicUrl: string;
    /** A path of this site to go to after signing in. */
    returnTo: string | undefined;
    now: Date;
    /** The administrator whose test sign-in this is; absent for a real sign-in. */
    testedById?: string | null;
  },
): Promise<{ url: string; attemptId: string }> {
  const settings = samlSettingsOf(provider);
  const requestId = newSamlRequestId();
  const { state, attemptId } = await startAttempt(
    db,
    provider,
    { requestId, returnTo: safeReturnTo(options.returnTo), testedById: options.testedById ?? null },
    options.now,
  );
  const url = await samlSignInUrl(options.publicUrl, provider, settings, {
    requestId,
    relayState: state,
    now: options.now,
  });
  return { url, attemptId };
}
