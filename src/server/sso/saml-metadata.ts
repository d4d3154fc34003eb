import { X509Certificate } from 'node:crypto';
import { samlSettings } from '../../domain/contracts/identity-providers.ts';
import type { SamlSettings } from './saml.ts';
import { child, parseXml, SAML_METADATA_NS, select, XMLDSIG_NS, type XmlElement } from './saml-xml.ts';

const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const HTTP_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** Why a metadata document gives no settings; `reason` names it for the administrator. */
export class SamlMetadataError extends Error {
  constructor(
    readonly reason:
      | 'not_xml'
      | 'no_idp'
      | 'several_idps'
      | 'unknown_entity'
      | 'no_redirect_binding'
      | 'no_signing_certificate'
      | 'invalid_certificate'
      | 'invalid_address',
    readonly count = 0,
  ) {
    super(`SAML metadata: ${reason}`);
  }
}

/** The IdPs (SAML 2.0) a metadata document describes: one EntityDescriptor, or a federation's many. */
function identityProviders(doc: unknown): { entity: XmlElement; idp: XmlElement }[] {
  return select(doc, `//${child(SAML_METADATA_NS, 'EntityDescriptor')}`).flatMap((entity) =>
    select(entity, `./${child(SAML_METADATA_NS, 'IDPSSODescriptor')}`)
      .filter((idp) => (idp.getAttribute('protocolSupportEnumeration') ?? '').split(/\s+/).includes(SAML2_PROTOCOL))
      .slice(0, 1)
      .map((idp) => ({ entity, idp })),
  );
}

/** The first endpoint of a kind with the HTTP-Redirect binding, which is the binding Uppsikt sends. */
function redirectEndpoint(idp: XmlElement, kind: string): string | null {
  const endpoint = select(idp, `./${child(SAML_METADATA_NS, kind)}`).find(
    (element) => element.getAttribute('Binding') === HTTP_REDIRECT,
  );
  return endpoint?.getAttribute('Location')?.trim() || null;
}

/** The certificates the IdP signs with (KeyDescriptor use="signing", or without use), as bare base64. */
function signingCertificates(idp: XmlElement): string[] {
  const certificates = select(idp, `./${child(SAML_METADATA_NS, 'KeyDescriptor')}`)
    .filter((key) => {
      const use = key.getAttribute('use');
      return !use || use === 'signing';
    })
    .flatMap((key) =>
      select(
        key,
        `./${child(XMLDSIG_NS, 'KeyInfo')}/${child(XMLDSIG_NS, 'X509Data')}/${child(XMLDSIG_NS, 'X509Certificate')}`,
      ),
    )
    .map((certificate) => (certificate.textContent ?? '').replace(/\s+/g, ''))
    .filter((text) => text !== '');
  const unique = [...new Set(certificates)];
  for (const certificate of unique) {
    try {
      new X509Certificate(Buffer.from(certificate, 'base64'));
    } catch {
      throw new SamlMetadataError('invalid_certificate');
    }
  }
  return unique;
}

/**
 * The settings of an IdP from its SAML metadata (a file's content or a fetched document): its
 * entity id, the sign-in and sign-out addresses with the HTTP-Redirect binding, and the
 * certificates it signs with (at most five, newest rollover first as listed). A federation's
 * document with several IdPs needs `entityId` to choose one. The attribute names keep their
 * defaults; metadata does not say which attributes an IdP sends.
 */
export async function settingsFromIdpMetadata(
  xml: string,
  options: { metadataUrl?: string | null; entityId?: string | null } = {},
): Promise<SamlSettings> {
  let doc: unknown;
  try {
    doc = await parseXml(xml);
  } catch {
    throw new SamlMetadataError('not_xml');
  }
  const candidates = identityProviders(doc);
  if (candidates.length === 0) throw new SamlMetadataError('no_idp');
  let chosen = candidates[0]!;
  if (options.entityId) {
    const named = candidates.find(({ entity }) => entity.getAttribute('entityID') === options.entityId);
    if (!named) throw new SamlMetadataError('unknown_entity', candidates.length);
    chosen = named;
  } else if (candidates.length > 1) {
    throw new SamlMetadataError('several_idps', candidates.length);
  }
  const { entity, idp } = chosen;
  const idpSsoUrl = redirectEndpoint(idp, 'SingleSignOnService');
  if (!idpSsoUrl) throw new SamlMetadataError('no_redirect_binding');
  const certificates = signingCertificates(idp);
  if (certificates.length === 0) throw new SamlMetadataError('no_signing_certificate');
  const settings = samlSettings.safeParse({
    idpEntityId: entity.getAttribute('entityID') ?? '',
    idpSsoUrl,
    idpSloUrl: redirectEndpoint(idp, 'SingleLogoutService'),
    idpCertificates: certificates.slice(0, 5),
    metadataUrl: options.metadataUrl ?? null,
  });
  // An entity id or address that is no URL, or is too long for the settings.
  if (!settings.success) throw new SamlMetadataError('invalid_address');
  return settings.data;
}
