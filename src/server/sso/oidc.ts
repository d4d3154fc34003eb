import * as client from 'openid-client';
import { oidcSettings } from '../../domain/contracts/identity-providers.ts';
import { openSecret } from '../auth/secrets.ts';
import { claimValues, firstValue, type ExternalClaims } from './claims.ts';
import { SsoFailure } from './failures.ts';

/**
 * OpenID Connect with openid-client: discovery of the issuer, the authorization code flow with
 * PKCE, state and nonce, validation of the ID token (signature, issuer, audience, nonce, times),
 * and RP-initiated sign-out. "Now" is the server's clock, passed to the library as its clock skew,
 * so that token times are judged by the same clock as everything else.
 */

export type OidcSettings = ReturnType<typeof oidcSettings.parse>;

/** How long discovered issuer metadata is reused before it is fetched again. */
const DISCOVERY_TTL_MS = 10 * 60_000;

const discovered = new Map<string, { metadata: client.ServerMetadata; fetchedAt: number }>();

/** Plain http is allowed only for an issuer on this machine (a test provider, a local Keycloak). */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The provider's settings as stored, checked again (they are JSON in the database). */
export function readOidcSettings(settings: Record<string, unknown>): OidcSettings {
  return oidcSettings.parse(settings);
}

/** The claim a library error names (aud, iss, nonce, exp …), somewhere along its causes. */
function claimOf(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 4; depth++) {
    const claim = (cause as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Errors of the library, or of reaching the provider, as the sign-in page explains them. */
export function oidcFailure(error: unknown): SsoFailure {
  if (error instanceof SsoFailure) return error;
  if (error instanceof client.AuthorizationResponseError)
    return new SsoFailure(
      'provider_refused',
      `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`,
    );
  if (error instanceof client.ResponseBodyError)
    return new SsoFailure(
      'token_rejected',
      `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`,
    );
  if (error instanceof client.ClientError) {
    const cause = error.cause;
    if (cause instanceof TypeError || (error.code === undefined && /fetch/i.test(error.message)))
      return new SsoFailure('provider_unreachable', error.message);
    // The library names the claim that failed (aud, iss, nonce, exp …) in the error's cause.
    const claim = claimOf(error);
    return new SsoFailure(
      'token_rejected',
      `${error.code ?? 'error'}: ${error.message}${typeof claim === 'string' ? ` (${claim})` : ''}`,
    );
  }
  if (error instanceof TypeError && /fetch/i.test(error.message))
    return new SsoFailure('provider_unreachable', error.message);
  throw error;
}

/** The issuer's metadata, discovered (and cached for a while) from its /.well-known/openid-configuration. */
async function issuerMetadata(settings: OidcSettings, now: Date): Promise<client.ServerMetadata> {
  const cached = discovered.get(settings.issuer);
  if (cached && now.getTime() - cached.fetchedAt < DISCOVERY_TTL_MS && now.getTime() >= cached.fetchedAt)
    return cached.metadata;
  const issuer = new URL(settings.issuer);
  const configuration = await client.discovery(
    issuer,
    settings.clientId,
    undefined,
    undefined,
    isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  const metadata = { ...configuration.serverMetadata() } as client.ServerMetadata;
  discovered.set(settings.issuer, { metadata, fetchedAt: now.getTime() });
  return metadata;
}

/** A client configuration for one sign-in, on the server's clock. */
async function configurationFor(
  provider: { settings: Record<string, unknown>; sealedSecret: string | null },
  serverKey: Buffer | null,
  now: Date,
): Promise<{ configuration: client.Configuration; settings: OidcSettings }> {
  const settings = readOidcSettings(provider.settings);
  let metadata: client.ServerMetadata;
  try {
    metadata = await issuerMetadata(settings, now);
  } catch (error) {
    throw oidcFailure(error);
  }
  const secret =
    provider.sealedSecret !== null && serverKey !== null ? openSecret(serverKey, provider.sealedSecret) : undefined;
  const configuration = new client.Configuration(
    metadata,
    settings.clientId,
    {
      ...(secret === undefined ? {} : { client_secret: secret }),
      // The library's "now" is Date.now() + clockSkew seconds: the skew makes it the server's now.
      [client.clockSkew]: Math.round((now.getTime() - Date.now()) / 1000),
    },
    secret === undefined ? client.None() : client.ClientSecretPost(secret),
  );
  if (isLoopback(new URL(settings.issuer))) client.allowInsecureRequests(configuration);
  return { configuration, settings };
}

/** What a sign-in keeps across the redirect to the provider: the nonce and the PKCE verifier. */
export interface OidcSecrets {
  nonce: string;
  codeVerifier: string;
}

/** A fresh nonce and PKCE verifier for one sign-in. */
export function newOidcSecrets(): OidcSecrets {
  return { nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
}

/** The address at the provider where the person signs in, with PKCE (S256), state and nonce. */
export async function oidcAuthorizationUrl(
  provider: { settings: Record<string, unknown>; sealedSecret: string | null },
  serverKey: Buffer | null,
  options: OidcSecrets & { redirectUri: string; state: string; now: Date },
): Promise<URL> {
  const { configuration, settings } = await configurationFor(provider, serverKey, options.now);
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: options.redirectUri,
    scope: settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(options.codeVerifier),
    code_challenge_method: 'S256',
    state: options.state,
    nonce: options.nonce,
  });
}

/**
 * The person the provider vouches for, from the authorization response at the redirect URI:
 * the code is exchanged (with the PKCE verifier), and the ID token checked (signature by the
 * issuer's keys, issuer, audience = our client id, nonce, expiry and issue time by the server's
 * clock). Claims the ID token lacks (address, name, groups) are asked of the userinfo endpoint.
 */
export async function oidcClaims(
  provider: { settings: Record<string, unknown>; sealedSecret: string | null },
  serverKey: Buffer | null,
  options: { callbackUrl: URL; state: string; nonce: string; codeVerifier: string; now: Date },
): Promise<ExternalClaims> {
  const { configuration, settings } = await configurationFor(provider, serverKey, options.now);
  try {
    const tokens = await client.authorizationCodeGrant(configuration, options.callbackUrl, {
      pkceCodeVerifier: options.codeVerifier,
      expectedState: options.state,
      expectedNonce: options.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoFailure('token_rejected', 'no ID token');
    let raw: Record<string, unknown> = { ...idClaims };
    const names = settings.claims;
    const lacking = [names.email, names.name, names.groups].some((name) => raw[name] === undefined);
    if (lacking && configuration.serverMetadata().userinfo_endpoint) {
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      raw = { ...userInfo, ...raw };
    }
    const values = claimValues(raw);
    // The groups claim, whatever the provider calls it, also counts as `groups` for the rules.
    if (names.groups !== 'groups' && values[names.groups]) values.groups = values[names.groups]!;
    return {
      subject: idClaims.sub,
      email: firstValue(values, names.email),
      name: firstValue(values, names.name),
      values,
    };
  } catch (error) {
    throw oidcFailure(error);
  }
}

/** Where to send the browser to end the provider's session too, or null when it offers none. */
export async function oidcSignOutUrl(
  provider: { settings: Record<string, unknown>; sealedSecret: string | null },
  serverKey: Buffer | null,
  options: { postLogoutRedirectUri: string; now: Date },
): Promise<string | null> {
  try {
    const { configuration, settings } = await configurationFor(provider, serverKey, options.now);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(configuration, {
        client_id: settings.clientId,
        post_logout_redirect_uri: options.postLogoutRedirectUri,
      })
      .toString();
  } catch {
    // Signing out of Uppsikt must not depend on the provider answering.
    return null;
  }
}
