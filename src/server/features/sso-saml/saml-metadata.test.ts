import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, ok, type Harness } from '../../../../test/support/harness.ts';
import { startSamlIdp, type SamlIdp } from '../../../../test/support/saml-idp.ts';

// An administrator turns a real IdP's metadata (SimpleSAMLphp's, fetched from its address or
// pasted as the file) into a SAML provider's settings; nothing is saved.

let idp: SamlIdp;
let h: Harness;
let metadata: string;
/** A server that answers with whatever the test puts here, to serve metadata that SimpleSAMLphp would not. */
let served = { status: 200, body: '' };
let other: Server;
let otherUrl: string;

beforeAll(async () => {
  // The IdP first: without PHP the file fails at once, with what to install.
  idp = await startSamlIdp();
  h = await createHarness();
  metadata = await idp.metadataXml();
  other = createServer((_, response) => {
    response.writeHead(served.status, { 'content-type': 'application/samlmetadata+xml' });
    response.end(served.body);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/metadata`;
});

afterAll(async () => {
  if (other) await new Promise((resolve) => other.close(resolve));
  await Promise.all([idp?.stop(), h?.close()]);
});

const PATH = '/identity-providers/saml-metadata';

/** The metadata with its IdP entity renamed, for a federation's document of several. */
function entity(xml: string, entityId: string) {
  return xml.replace(/^<\?xml[^>]*>\s*/, '').replace(/entityID="[^"]+"/, `entityID="${entityId}"`);
}

describe('POST /identity-providers/saml-metadata', () => {
  test('the IdP metadata pasted gives its entity id, addresses and signing certificate', async () => {
    const admin = await h.as('tenantAdmin');
    const settings = await ok(admin.post(PATH, { xml: metadata }));
    expect(settings).toEqual({
      idpEntityId: idp.entityId,
      idpSsoUrl: idp.ssoUrl,
      idpSloUrl: idp.ssoUrl.replace('SSOService', 'SingleLogoutService'),
      idpCertificates: [idp.certificate],
      metadataUrl: null,
      attributes: {
        email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        name: 'http://schemas.microsoft.com/identity/claims/displayname',
        groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
      },
    });
  });

  test('fetched from the IdP, the address is kept to fetch again when certificates roll over', async () => {
    const admin = await h.as('tenantAdmin');
    const settings = await ok(admin.post(PATH, { url: idp.metadataUrl }));
    expect(settings).toMatchObject({ idpEntityId: idp.entityId, metadataUrl: idp.metadataUrl });
  });

  test("a federation's document needs the entity id of the IdP to use", async () => {
    const admin = await h.as('tenantAdmin');
    const federation = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${entity(metadata, 'https://idp-a.example/saml')}${entity(metadata, 'https://idp-b.example/saml')}</md:EntitiesDescriptor>`;
    const unchosen = await admin.post(PATH, { xml: federation });
    expect(unchosen.status).toBe(400);
    expect(unchosen.body.errors).toEqual([
      {
        path: 'entityId',
        message: 'Metadata beskriver 2 identitetsleverantörer. Ange entity id för den ni vill använda.',
      },
    ]);
    const chosen = await ok(admin.post(PATH, { xml: federation, entityId: 'https://idp-b.example/saml' }));
    expect(chosen.idpEntityId).toBe('https://idp-b.example/saml');
    expect((await admin.post(PATH, { xml: federation, entityId: 'https://idp-c.example/saml' })).status).toBe(400);
  });

  test('what gives no settings is refused, naming the field and why', async () => {
    const admin = await h.as('tenantAdmin');
    const refusal = async (body: unknown) => {
      const reply = await admin.post(PATH, body, { 'accept-language': 'en' });
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
      return reply.body.errors as { path: string; message: string }[];
    };
    expect(await refusal({ xml: 'inte xml' })).toEqual([
      { path: 'xml', message: "This is not XML. Fetch the identity provider's metadata (an XML file) and try again." },
    ]);
    // A service provider's metadata describes no IdP.
    expect(
      (
        await refusal({
          xml: `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.example"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>`,
        })
      )[0]!.message,
    ).toMatch(/no SAML 2.0 identity provider/);
    expect(
      (await refusal({ xml: metadata.replaceAll('bindings:HTTP-Redirect', 'bindings:HTTP-POST') }))[0]!.message,
    ).toMatch(/HTTP-Redirect/);
    expect(
      (await refusal({ xml: metadata.replace(/<md:KeyDescriptor[\s\S]*<\/md:KeyDescriptor>/, '') }))[0]!.message,
    ).toMatch(/no certificate/);
    expect(
      (
        await refusal({ xml: metadata.replace(/<ds:X509Certificate>[^<]+/g, '<ds:X509Certificate>bm90IGEgY2VydA==') })
      )[0]!.message,
    ).toMatch(/cannot be read/);
    expect((await refusal({ url: 'ftp://idp.example/metadata' }))[0]!.path).toBe('url');
  });

  test('an address that does not give metadata is refused with what it answered', async () => {
    const admin = await h.as('tenantAdmin');
    served = { status: 404, body: 'Not found' };
    const missing = await admin.post(PATH, { url: otherUrl });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      { path: 'url', message: 'Metadata kunde inte hämtas från adressen (svaret var 404).' },
    ]);
    served = { status: 200, body: 'x'.repeat(1024 * 1024) };
    expect((await admin.post(PATH, { url: otherUrl })).body.errors[0].message).toMatch(/större än 1 MB/);
    other.closeAllConnections();
    const unreachable = await admin.post(PATH, { url: 'http://127.0.0.1:1/metadata' });
    expect(unreachable.body.errors[0]).toMatchObject({ path: 'url', message: expect.stringMatching(/svarar inte/) });
  });

  test('only the tenant administrator may read metadata', async () => {
    for (const who of ['administrator', 'coordinator', 'reader']) {
      const client = await h.as(who);
      expect((await client.post(PATH, { xml: metadata })).status, who).toBe(403);
    }
    expect((await h.anonymous.post(PATH, { xml: metadata })).status).toBe(401);
  });
});
