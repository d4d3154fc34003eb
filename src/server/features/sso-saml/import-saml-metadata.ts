import type { z } from 'zod';
import { SAML_METADATA_MAX_BYTES, type samlMetadataImport } from '../../../domain/contracts/saml-metadata.ts';
import type { Access } from '../../access/access.ts';
import { AppError, type LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { SamlSettings } from '../../sso/saml.ts';
import { SamlMetadataError, settingsFromIdpMetadata } from '../../sso/saml-metadata.ts';

/** How long the server waits for an IdP's metadata address. */
const FETCH_TIMEOUT_MS = 10_000;

/** A refusal naming the field the administrator gave. */
function refused(field: 'url' | 'xml' | 'entityId', message: LocalizedText): AppError {
  return new AppError('validation_failed', message, [{ path: field, message }]);
}

/** The metadata document at an address: at most the size limit, within the time limit, as text. */
async function fetchMetadata(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
    });
  } catch {
    throw refused(
      'url',
      localize((m) => m.samlMetadata.unreachable),
    );
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw refused(
      'url',
      localize((m) => m.samlMetadata.fetchFailed(response.status)),
    );
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let read: Awaited<ReturnType<typeof reader.read>>;
    try {
      read = await reader.read();
    } catch {
      throw refused(
        'url',
        localize((m) => m.samlMetadata.unreachable),
      );
    }
    if (read.done) break;
    const chunk = read.value as Uint8Array;
    size += chunk.byteLength;
    if (size > SAML_METADATA_MAX_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw refused(
        'url',
        localize((m) => m.samlMetadata.tooLarge(Math.ceil(SAML_METADATA_MAX_BYTES / 1024 / 1024))),
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const REASONS: Record<SamlMetadataError['reason'], (count: number) => LocalizedText> = {
  not_xml: () => localize((m) => m.samlMetadata.notXml),
  no_idp: () => localize((m) => m.samlMetadata.noIdp),
  several_idps: (count) => localize((m) => m.samlMetadata.severalIdps(count)),
  unknown_entity: () => localize((m) => m.samlMetadata.unknownEntity),
  no_redirect_binding: () => localize((m) => m.samlMetadata.noRedirectBinding),
  no_signing_certificate: () => localize((m) => m.samlMetadata.noSigningCertificate),
  invalid_certificate: () => localize((m) => m.samlMetadata.invalidCertificate),
  invalid_address: () => localize((m) => m.samlMetadata.invalidAddress),
};

/**
 * An IdP's settings from its SAML metadata, for the administrator to check and save as a
 * provider: fetched from the IdP's address (kept in the settings, to fetch again when its
 * certificates roll over) or read from the file's text. Nothing is stored here. Metadata is not
 * required to be signed: the administrator who imports it vouches for where it came from.
 */
export async function importSamlMetadata(
  access: Access,
  input: z.output<typeof samlMetadataImport>,
): Promise<SamlSettings> {
  access.assertTenantAdministrator();
  const field = 'url' in input ? 'url' : 'xml';
  const xml = 'url' in input ? await fetchMetadata(input.url) : input.xml;
  try {
    return await settingsFromIdpMetadata(xml, {
      metadataUrl: 'url' in input ? input.url : null,
      entityId: input.entityId ?? null,
    });
  } catch (error) {
    if (!(error instanceof SamlMetadataError)) throw error;
    const message = REASONS[error.reason](error.count);
    throw refused(error.reason === 'unknown_entity' || error.reason === 'several_idps' ? 'entityId' : field, message);
  }
}
