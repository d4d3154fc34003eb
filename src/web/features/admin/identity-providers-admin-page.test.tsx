import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, onTestFinished, test } from 'vitest';
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';
import { answerConfirm, renderScreen } from '../../../../test/web/render.tsx';
import { answerFetch, json, type SeenRequest } from '../../../../test/web/fake-fetch.ts';
import type { IdentityProvider } from '../../api/identity-providers.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { IdentityProvidersAdminPage, splitCertificates } from './identity-providers-admin-page.tsx';

const BASE = 'http://127.0.0.1:3000/sso/exempelkommun';

function provider(changes: Partial<IdentityProvider> = {}): IdentityProvider {
  return {
    id: 'idp-1',
    protocol: 'oidc',
    name: 'Kommunens konto',
    slug: 'entra',
    enabled: true,
    settings: {
      issuer: 'https://login.example/kommun/v2.0',
      clientId: 'uppsikt',
      scopes: 'openid email profile',
      claims: { email: 'email', name: 'name', groups: 'groups' },
    },
    hasClientSecret: true,
    addresses: {
      signIn: `${BASE}/entra/oidc/login`,
      redirect: `${BASE}/entra/oidc/callback`,
      metadata: null,
      signOut: `${BASE}/entra/oidc/logged-out`,
    },
    version: 1,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    archivedAt: null,
    ...changes,
  };
}

/** A server with the tenant, its providers, and answers to a provider's creation and test sign-in. */
function server({
  me = administratorOf(),
  providers = [provider()],
  create = (body: Record<string, unknown>): Response =>
    json(provider({ id: 'idp-2', name: String(body.name), slug: String(body.slug) }), 201),
  patch = (body: Record<string, unknown>): Response => json(provider({ ...body, version: 2 })),
} = {}) {
  let list = [...providers];
  return answerFetch((request) => {
    const path = request.url.split('?')[0];
    if (path === '/api/v1/me') return json(me);
    if (path === '/api/v1/org-units')
      return json({
        items: [ROOT_UNIT, NAMND_UNIT].map((unit) => ({ ...unit, archivedAt: null, version: 1 })),
        total: 2,
      });
    if (path === '/api/v1/identity-providers' && request.method === 'GET') return json({ items: list });
    if (path === '/api/v1/identity-providers' && request.method === 'POST') {
      const answer = create(request.body as Record<string, unknown>);
      if (answer.ok) list = [...list, provider({ id: 'idp-2', name: (request.body as { name: string }).name })];
      return answer;
    }
    if (path === '/api/v1/identity-providers/idp-1' && request.method === 'PATCH') {
      const answer = patch(request.body as Record<string, unknown>);
      if (answer.ok) list = [provider({ ...(request.body as object), version: 2 })];
      return answer;
    }
    if (path === '/api/v1/identity-providers/idp-1/archive') {
      list = [provider({ archivedAt: '2026-03-02T09:00:00.000Z', version: 2 })];
      return json(list[0]);
    }
    if (path === '/api/v1/identity-providers/saml-metadata')
      return json({
        idpEntityId: 'https://sts.example/kommun',
        idpSsoUrl: 'https://sts.example/saml2',
        idpSloUrl: null,
        idpCertificates: ['MIICERT1', 'MIICERT2'],
        metadataUrl: (request.body as { url?: string }).url ?? null,
        attributes: { email: 'mail', name: 'displayName', groups: 'memberOf' },
      });
    if (path === '/api/v1/identity-providers/idp-1/test-sign-in')
      return json({ url: 'https://login.example/authorize?state=s', attemptId: 'attempt-1' }, 201);
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
}

const writes = (seen: SeenRequest[]) =>
  seen.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.url}`);

/** The form that adds a provider. */
const newProviderForm = async () => {
  const region = await screen.findByRole('region', { name: 'Lägg till ett inloggningssätt' });
  return region;
};

afterEach(() => setCsrfToken(null));

describe('IdentityProvidersAdminPage', () => {
  test('each provider shows its protocol, state and the addresses for the provider’s administrator', async () => {
    server();
    renderScreen('/administration/inloggning', IdentityProvidersAdminPage);
    const card = await screen.findByRole('region', { name: 'Kommunens konto' });
    expect(within(card).getByText('OpenID Connect')).toBeTruthy();
    expect(within(card).getByText('På – visas på inloggningssidan')).toBeTruthy();
    const addresses = within(card).getByRole('group', { name: 'Till identitetsleverantörens administratör' });
    expect(within(addresses).getByText(`${BASE}/entra/oidc/callback`).tagName).toBe('CODE');
    expect(within(addresses).getByText(`${BASE}/entra/oidc/logged-out`).tagName).toBe('CODE');
    expect(within(addresses).queryByText('Uppsikts metadata (SP-metadata)')).toBeNull();
  });

  test('an OpenID provider is added with its client secret, and the claim names’ defaults', async () => {
    const user = userEvent.setup();
    const seen = server();
    renderScreen('/administration/inloggning', IdentityProvidersAdminPage);
    const form = await newProviderForm();
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: 'OpenID Connect' }).checked).toBe(true);
    await user.type(within(form).getByLabelText('Namn'), 'Entra ID');
    await user.type(within(form).getByLabelText('Kortnamn'), 'entra-id');
    await user.type(within(form).getByLabelText('Utfärdarens adress (issuer)'), 'https://login.example/t/v2.0');
    await user.type(within(form).getByLabelText('Klient-id (client id)'), 'uppsikt-app');
    const secret = within(form).getByLabelText<HTMLInputElement>('Klienthemlighet (client secret)');
    expect(secret.type).toBe('password');
    await user.type(secret, 'hemligt');
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));

    await waitFor(() => expect(writes(seen)).toEqual(['POST /api/v1/identity-providers']));
    expect(seen.find((request) => request.method === 'POST')!.body).toEqual({
      protocol: 'oidc',
      name: 'Entra ID',
      slug: 'entra-id',
      enabled: true,
      settings: {
        issuer: 'https://login.example/t/v2.0',
        clientId: 'uppsikt-app',
        scopes: 'openid email profile',
        claims: { email: 'email', name: 'name', groups: 'groups' },
      },
      clientSecret: 'hemligt',
    });
    const added = await screen.findByText(/^Entra ID är tillagt/);
    expect(added.getAttribute('role')).toBe('status');
    expect(within(form).getByLabelText<HTMLInputElement>('Namn').value).toBe('');
  });

  test('a SAML provider’s settings are filled from the metadata’s address, checked and added', async () => {
    const user = userEvent.setup();
    const seen = server();
    renderScreen('/administration/inloggning', IdentityProvidersAdminPage);
    const form = await newProviderForm();
    await user.click(within(form).getByRole('radio', { name: 'SAML 2.0' }));
    expect(within(form).queryByLabelText('Klienthemlighet (client secret)')).toBeNull();
    await user.type(within(form).getByLabelText('Adress till metadata'), 'https://sts.example/metadata.xml');
    await user.click(within(form).getByRole('button', { name: 'Hämta metadata' }));
    const filled = await within(form).findByText('Fälten är ifyllda från metadata. Kontrollera dem och spara.');
    expect(filled.getAttribute('role')).toBe('status');
    expect(within(form).getByLabelText<HTMLInputElement>('Identitetsleverantörens entitets-id (entity id)').value).toBe(
      'https://sts.example/kommun',
    );
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Signeringscertifikat').value).toBe('MIICERT1\n\nMIICERT2');
    await user.type(within(form).getByLabelText('Namn'), 'Kommunens SAML');
    await user.type(within(form).getByLabelText('Kortnamn'), 'saml');
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));
    await screen.findByText(/^Kommunens SAML är tillagt/);
    expect(writes(seen)).toEqual(['POST /api/v1/identity-providers/saml-metadata', 'POST /api/v1/identity-providers']);
    expect(seen[seen.findIndex((request) => request.url.endsWith('saml-metadata'))]!.body).toEqual({
      url: 'https://sts.example/metadata.xml',
    });
    expect(seen.findLast((request) => request.method === 'POST')!.body).toEqual({
      protocol: 'saml',
      name: 'Kommunens SAML',
      slug: 'saml',
      enabled: true,
      settings: {
        idpEntityId: 'https://sts.example/kommun',
        idpSsoUrl: 'https://sts.example/saml2',
        idpSloUrl: null,
        idpCertificates: ['MIICERT1', 'MIICERT2'],
        metadataUrl: 'https://sts.example/metadata.xml',
        attributes: { email: 'mail', name: 'displayName', groups: 'memberOf' },
      },
    });
  });

  test('the server’s refusals are shown above the form and with each field they concern', async () => {
    const user = userEvent.setup();
    server({
      create: () =>
        json(
          {
            type: 'urn:uppsikt:problem:validation_failed',
            title: 'Uppgifterna är inte giltiga.',
            status: 400,
            errors: [
              { path: 'slug', message: 'Endast a–z, 0–9 och bindestreck' },
              { path: 'settings.issuer', message: 'Ogiltig adress' },
              { path: 'settings.clientId', message: 'Får inte vara tomt' },
            ],
          },
          400,
        ),
    });
    renderScreen('/administration/inloggning', IdentityProvidersAdminPage);
    const form = await newProviderForm();
    await user.type(within(form).getByLabelText('Namn'), 'Entra');
    await user.type(within(form).getByLabelText('Kortnamn'), 'Entra ID');
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Uppgifterna är inte giltiga.');
    expect(document.activeElement).toBe(alert);
    const field = (label: string) => within(form).getByLabelText(label);
    const describedBy = (element: HTMLElement) =>
      element
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => document.getElementById(id)!.textContent)
        .join(' ');
    expect(field('Kortnamn').getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(field('Kortnamn'))).toContain('Endast a–z, 0–9 och bindestreck');
    expect(describedBy(field('Utfärdarens adress (issuer)'))).toContain('Ogiltig adress');
    expect(describedBy(field('Klient-id (client id)'))).toContain('Får inte vara tomt');
    expect(field('Namn').getAttribute('aria-invalid')).toBeNull();
  });

  test('“Testa inloggningen” starts a test sign-in and opens the provider’s address', async () => {
    const opened: string[] = [];
    const assign = Object.getOwnPropertyDescriptor(window.location, 'assign');
    Object.defineProperty(window.location, 'assign', { configurable: true, value: (url: string) => opened.push(url) });
    onTestFinished(() => {
      if (assign) Object.defineProperty(window.location, 'assign', assign);
      else Reflect.deleteProperty(window.location, 'assign');
    });
    const seen = server();
    renderScreen('/administration/inloggning', IdentityProvidersAdminPage);
    const card = await screen.findByRole('region', { name: 'Kommunens konto' });
    await userEvent.click(within(card).getByRole('button', { name: 'Testa inloggningen via Kommunens konto' }));
    await waitFor(() => expect(opened).toEqual(['https://login.example/authorize?state=s']));
    expect(writes(seen)).toEqual(['POST /api/v1/identity-providers/idp-1/test-sign-in']);
  });

  test('a provider is turned off with its version, and archived after a question', async () => {
    const user = userEvent.setup();
    const asked = answerConfirm(true);
    const seen = server();
    renderScreen('/administration/inloggning', IdentityProvidersAdminPage);
    const card = await screen.findByRole('region', { name: 'Kommunens konto' });
    await user.click(within(card).getByRole('button', { name: 'Stäng av Kommunens konto' }));
    await within(card).findByText('Av – bara testinloggning');
    expect(seen.find((request) => request.method === 'PATCH')!.body).toEqual({ version: 1, enabled: false });
    await user.click(within(card).getByRole('button', { name: 'Arkivera Kommunens konto' }));
    expect(asked).toHaveLength(1);
    // Archived providers leave the list until asked for.
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Kommunens konto' })).toBeNull());
    await user.click(screen.getByRole('checkbox', { name: /Visa arkiverade inloggningssätt/ }));
    const archived = await screen.findByRole('region', { name: /Kommunens konto/ });
    expect(within(archived).getByRole('button', { name: 'Återställ Kommunens konto' })).toBeTruthy();
    expect(within(archived).queryByRole('button', { name: /Testa inloggningen/ })).toBeNull();
  });

  test('changing a provider keeps the secret unless a new one is typed; someone else’s save shows the conflict', async () => {
    const user = userEvent.setup();
    const seen = server({
      patch: () =>
        json(
          {
            type: 'urn:uppsikt:problem:version_conflict',
            title: 'Någon annan har ändrat.',
            status: 409,
            current: provider({ name: 'Kommunens nya konto', version: 3 }),
          },
          409,
        ),
    });
    renderScreen('/administration/inloggning', IdentityProvidersAdminPage);
    const card = await screen.findByRole('region', { name: 'Kommunens konto' });
    await user.click(within(card).getByText('Ändra Kommunens konto'));
    const secret = within(card).getByLabelText('Klienthemlighet (client secret)');
    expect(secret.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(card).getByText(/Lämna tomt för att behålla den/)).toBeTruthy();
    await user.clear(within(card).getByLabelText('Klient-id (client id)'));
    await user.type(within(card).getByLabelText('Klient-id (client id)'), 'ny-klient');
    await user.click(within(card).getByRole('button', { name: 'Spara Kommunens konto' }));
    const notice = await within(card).findByRole('alert');
    expect(notice.textContent).toContain('Någon annan har sparat ändringar');
    expect(notice.textContent).toContain('Kommunens nya konto');
    const patch = seen.find((request) => request.method === 'PATCH' && request.url.endsWith('/idp-1'))!;
    expect(patch.body).toMatchObject({ version: 1, name: 'Kommunens konto', settings: { clientId: 'ny-klient' } });
    expect(patch.body).not.toHaveProperty('clientSecret');
  });

  test('only the tenant administrator sees the providers; nobody else asks for them', async () => {
    const seen = server({ me: administratorOf(NAMND_UNIT.id) });
    renderScreen('/administration/inloggning', IdentityProvidersAdminPage);
    await screen.findByText('Bara organisationens administratör kan se och ändra inloggningssätten.');
    expect(seen.some((request) => request.url.startsWith('/api/v1/identity-providers'))).toBe(false);
  });
});

describe('splitCertificates', () => {
  test('certificates are separated by empty lines or follow each other as PEM blocks', () => {
    const pem = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`;
    expect(splitCertificates(`${pem('AAA')}\n\n${pem('BBB')}\n`)).toEqual([pem('AAA'), pem('BBB')]);
    expect(splitCertificates(`${pem('AAA')}\n${pem('BBB')}`)).toEqual([pem('AAA'), pem('BBB')]);
    expect(splitCertificates('MIIBASE64\n\n  \nMIIOTHER')).toEqual(['MIIBASE64', 'MIIOTHER']);
    expect(splitCertificates('  ')).toEqual([]);
  });
});
