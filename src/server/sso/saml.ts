import { createHash, randomBytes } from 'node:crypto';
import {
  generateServiceProviderMetadata,
  SAML,
  SamlStatusError,
  ValidateInResponseTo,
  type CacheProvider,
  type Profile,
} from '@node-saml/node-saml';
import type { z } from 'zod';
import type { samlSettings } from '../../domain/contracts/identity-providers.ts';
import { ssoAddresses } from './browser-flow.ts';
import { claimValues, firstValue, type ExternalClaims } from './claims.ts';
import { SsoFailure } from './failures.ts';
import { assertionFacts } from './saml-xml.ts';

/**
 * SAML 2.0 as a service provider, per tenant and provider, on @node-saml/node-saml: the sign-in
 * request (HTTP-Redirect binding), the checks of the IdP's response (HTTP-POST binding), our
 * metadata, and the person's claims. The library verifies the XML signatures, the audience, the
 * time window and that the response answers a request of ours; this module adds what it leaves
 * out (the assertion's issuer, the subject confirmation's recipient and request) and gives it
 * the server's clock.
 */

export type SamlSettings = z.output<typeof samlSettings>;

/** How far the IdP's clock and ours may disagree about an assertion's time window. */
export const SAML_CLOCK_SKEW_MS = 60_000;

/** The NameID we ask for and require: the IdP's stable, opaque id of the person. */
export const PERSISTENT_NAME_ID = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
const TRANSIENT_NAME_ID = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

/** The provider as the service provider's addresses need it. */
export interface SamlProvider {
  tenantSlug: string;
  slug: string;
}

/** Our entity id (the metadata address, by the SAML convention) and assertion consumer service. */
export function samlServiceProvider(publicUrl: string, provider: SamlProvider) {
  const addresses = ssoAddresses(publicUrl, provider.tenantSlug, { slug: provider.slug, protocol: 'saml' });
  return { entityId: addresses.metadata!, acs: addresses.redirect };
}

/** An AuthnRequest id: an XML NCName, unguessable, kept with the attempt. */
export function newSamlRequestId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

/**
 * node-saml keeps the ids of the requests it sent in a cache so that a response can be matched
 * to one. Ours live in `sso_attempts` (one row per sign-in, used once), so the cache the library
 * sees knows exactly one id: the one of the attempt the response claims to answer.
 */
function requestOf(requestId: string | null, issuedAt: Date): CacheProvider {
  return {
    saveAsync: () => Promise.resolve(null),
    getAsync: (key) => Promise.resolve(requestId !== null && key === requestId ? issuedAt.toISOString() : null),
    removeAsync: () => Promise.resolve(null),
  };
}

/**
 * The library reads the machine's clock for an assertion's NotBefore and NotOnOrAfter. Time is
 * a parameter in Uppsikt (the server's clock, which the tests fix), so the one method that
 * compares those times is given the server's "now" instead. (The method is protected, the
 * library's extension point for subclasses; the tests hold it to it with an expired assertion.)
 */
class ClockedSaml extends SAML {
  constructor(
    config: ConstructorParameters<typeof SAML>[0],
    private readonly now: Date,
  ) {
    super(config);
  }

  protected override checkTimestampsValidityError(
    _machineNowMs: number,
    notBefore: string,
    notOnOrAfter: string,
    maxTimeLimitMs?: number,
  ): Error | null {
    return super.checkTimestampsValidityError(this.now.getTime(), notBefore, notOnOrAfter, maxTimeLimitMs);
  }
}

/** A certificate as the library takes it: PEM as given, bare base64 without line breaks or spaces. */
function certificateText(certificate: string): string {
  return certificate.includes('-----BEGIN') ? certificate.trim() : certificate.replace(/\s+/g, '');
}

/** The library's SAML instance for one provider, one request and one moment. */
function samlClient(
  publicUrl: string,
  provider: SamlProvider,
  settings: SamlSettings,
  request: { requestId: string | null; issuedAt: Date; now: Date },
): SAML {
  const sp = samlServiceProvider(publicUrl, provider);
  return new ClockedSaml(
    {
      issuer: sp.entityId,
      callbackUrl: sp.acs,
      audience: sp.entityId,
      entryPoint: settings.idpSsoUrl,
      idpIssuer: settings.idpEntityId,
      idpCert: settings.idpCertificates.map(certificateText),
      // Each assertion must carry the IdP's signature of its own; a signed response around an
      // unsigned assertion is not enough (Entra ID and ADFS sign the assertion by default).
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      identifierFormat: PERSISTENT_NAME_ID,
      allowCreate: true,
      // How the person proves who they are is the IdP's business (password, MFA, smart card);
      // asking for a particular context makes Entra ID refuse every other.
      disableRequestedAuthnContext: true,
      validateInResponseTo: ValidateInResponseTo.always,
      // The attempt's lifetime, checked against the server's clock when it is used, is the
      // request's expiry; the library's own check reads the machine's clock, so it is given a
      // period it cannot reach.
      requestIdExpirationPeriodMs: 100 * 365 * 24 * 3600_000,
      acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
      generateUniqueId: () => request.requestId ?? newSamlRequestId(),
      cacheProvider: requestOf(request.requestId, request.issuedAt),
    },
    request.now,
  );
}

/**
 * The address that sends the browser to the IdP with an AuthnRequest (HTTP-Redirect binding).
 * The request's id is the attempt's, and the attempt's state travels as RelayState.
 */
export async function samlSignInUrl(
  publicUrl: string,
  provider: SamlProvider,
  settings: SamlSettings,
  request: { requestId: string; relayState: string; now: Date },
): Promise<string> {
  const client = samlClient(publicUrl, provider, settings, { ...request, issuedAt: request.now });
  return client.getAuthorizeUrlAsync(request.relayState, undefined, {});
}

/** Why the library refused a response, in a few words for the log and the audit (never the assertion). */
function rejectionDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The library finds no subject confirmation when the only one is outside its time window.
  if (message.startsWith('No valid subject confirmation'))
    return 'assertion expired or not yet valid: no subject confirmation valid now';
  return message.replace(/\s+/g, ' ').slice(0, 200);
}

/**
 * Checks a response from the IdP (the form's SAMLResponse) against the request the attempt
 * sent, at the server's `now`, and returns who it vouches for. Refused, with SsoFailure
 * 'token_rejected': a response or assertion that is not signed by one of the IdP's
 * certificates, or was changed after signing; an assertion for another audience, outside its
 * time window, from another issuer, for another recipient, or answering another request (or
 * none: IdP-initiated sign-in is not accepted). An IdP's refusal is 'provider_refused'.
 */
export async function validateSamlResponse(
  publicUrl: string,
  provider: SamlProvider,
  settings: SamlSettings,
  response: { samlResponse: string; requestId: string | null; requestedAt: Date; now: Date },
): Promise<ExternalClaims> {
  if (!response.requestId) throw new SsoFailure('token_rejected', 'the attempt sent no SAML request');
  const client = samlClient(publicUrl, provider, settings, {
    requestId: response.requestId,
    issuedAt: response.requestedAt,
    now: response.now,
  });
  let profile: Profile | null;
  try {
    ({ profile } = await client.validatePostResponseAsync({ SAMLResponse: response.samlResponse }));
  } catch (error) {
    if (error instanceof SamlStatusError) throw new SsoFailure('provider_refused', rejectionDetail(error));
    throw new SsoFailure('token_rejected', rejectionDetail(error));
  }
  if (!profile?.getAssertionXml) throw new SsoFailure('token_rejected', 'no assertion');

  // What the library does not check, read from the assertion it verified.
  const sp = samlServiceProvider(publicUrl, provider);
  const facts = await assertionFacts(profile.getAssertionXml());
  if (facts.issuer !== settings.idpEntityId)
    throw new SsoFailure('token_rejected', `assertion issued by ${facts.issuer ?? 'nobody'}`.slice(0, 200));
  const now = response.now.getTime();
  const confirmed = facts.bearerConfirmations.some(
    (confirmation) =>
      confirmation.recipient === sp.acs &&
      confirmation.inResponseTo === response.requestId &&
      // The profile requires a bearer confirmation to end (SAML 2.0 profiles, 4.1.4.2).
      confirmation.notOnOrAfter !== null &&
      now - SAML_CLOCK_SKEW_MS < confirmation.notOnOrAfter.getTime() &&
      (confirmation.notBefore === null || now + SAML_CLOCK_SKEW_MS >= confirmation.notBefore.getTime()),
  );
  if (!confirmed)
    throw new SsoFailure('token_rejected', 'no bearer subject confirmation for this request, recipient and time');
  if (profile.nameIDFormat === TRANSIENT_NAME_ID)
    throw new SsoFailure('missing_subject', 'transient NameID: the IdP must send a persistent one');
  return samlClaims(profile, settings.attributes);
}

/**
 * Who the assertion names: the NameID as the stable subject, the address and name from the
 * attributes the settings name, and every attribute for the role-mapping rules. The groups
 * attribute's values are also given as `groups`, the name SCIM uses, so that a rule for every
 * source matches a SAML sign-in whatever the IdP calls its groups.
 */
export function samlClaims(profile: Profile, attributes: SamlSettings['attributes']): ExternalClaims {
  const raw = (profile.attributes ?? {}) as Record<string, unknown>;
  const values = claimValues(raw);
  const groups = values[attributes.groups];
  if (groups && attributes.groups !== 'groups') values.groups = [...groups];
  return {
    subject: typeof profile.nameID === 'string' ? profile.nameID : '',
    email: firstValue(values, attributes.email),
    name: firstValue(values, attributes.name),
    values,
  };
}

/**
 * Our metadata for the IdP's administrator: entity id, assertion consumer service (HTTP-POST),
 * the persistent NameID and that assertions must be signed. Its id is derived from the entity
 * id, so the same address always gives the same document.
 */
export function samlServiceProviderMetadata(publicUrl: string, provider: SamlProvider): string {
  const sp = samlServiceProvider(publicUrl, provider);
  return generateServiceProviderMetadata({
    issuer: sp.entityId,
    callbackUrl: sp.acs,
    identifierFormat: PERSISTENT_NAME_ID,
    wantAssertionsSigned: true,
    generateUniqueId: () => `_${createHash('sha256').update(sp.entityId).digest('hex').slice(0, 40)}`,
  });
}
