import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json, type SeenRequest } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { meKeys } from '../../api/me.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { FirstRunPage } from './first-run-page.tsx';

const who = {
  user: { id: 'u1', name: 'Ada Administratör', email: 'ada@skane.example.se', title: null, locale: 'sv' },
  tenant: { id: 't1', slug: 'region-skane', name: 'Region Skåne' },
  roles: [],
  via: 'session',
  mayWrite: true,
  csrfToken: 'csrf-1',
  now: '2026-03-02T09:00:00.000Z',
};

/** A server whose installation has no organisation yet; `onSetup` answers the form. */
function newInstallation(onSetup: (request: SeenRequest) => Response = () => json(who)) {
  return answerFetch((request) => (request.method === 'GET' ? json({ needed: true }) : onSetup(request)));
}

async function fillIn(password = 'ett-långt-lösenord', repeat = password) {
  await userEvent.type(await screen.findByLabelText('Installationskod'), 'K7QX3-ACDEF-GHJKM-NPQRT');
  await userEvent.type(screen.getByLabelText('Organisationens namn'), 'Region Skåne');
  await userEvent.selectOptions(screen.getByLabelText('Typ av organisation'), 'Region');
  await userEvent.type(screen.getByLabelText('Ditt namn'), 'Ada Administratör');
  await userEvent.type(screen.getByLabelText('Din e-postadress'), 'ada@skane.example.se');
  await userEvent.type(screen.getByLabelText('Lösenord'), password);
  await userEvent.type(screen.getByLabelText('Upprepa lösenordet'), repeat);
}

afterEach(() => setCsrfToken(null));

describe('FirstRunPage: the first organisation of a new installation', () => {
  test('suggests the short name from the organisation’s name until it is written by hand', async () => {
    newInstallation();
    renderScreen('/forsta-start', FirstRunPage);
    const slug = await screen.findByLabelText<HTMLInputElement>('Kortnamn');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Välkommen till Uppsikt');
    await userEvent.type(screen.getByLabelText('Organisationens namn'), 'Höörs kommun');
    expect(slug.value).toBe('hoors-kommun');
    await userEvent.clear(slug);
    await userEvent.type(slug, 'hoor');
    await userEvent.type(screen.getByLabelText('Organisationens namn'), ' och Eslöv');
    expect(slug.value).toBe('hoor');
    await userEvent.clear(slug);
    await userEvent.type(screen.getByLabelText('Organisationens namn'), '!');
    expect(slug.value).toBe('hoors-kommun-och-eslov');
  });

  test('creates the organisation, signs in as the answer says and goes to the start page', async () => {
    const seen = newInstallation();
    const { queryClient } = renderScreen('/forsta-start', FirstRunPage);
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Lägg upp organisationen' }));
    await screen.findByRole('heading', { level: 1, name: 'Start' });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/v1/setup',
      body: {
        setupCode: 'K7QX3-ACDEF-GHJKM-NPQRT',
        tenant: {
          slug: 'region-skane',
          name: 'Region Skåne',
          kind: 'region',
          admin: { name: 'Ada Administratör', email: 'ada@skane.example.se' },
        },
        password: 'ett-långt-lösenord',
      },
    });
    expect(queryClient.getQueryData(meKeys.me)).toEqual(who);
  });

  test('the server’s field errors are shown at their fields and above the form', async () => {
    newInstallation(() =>
      json(
        {
          type: 'urn:uppsikt:problem:validation_failed',
          title: 'Uppgifterna är inte giltiga.',
          status: 400,
          detail: 'Varje fel står vid sitt fält.',
          errors: [
            { path: 'setupCode', message: 'Fel installationskod.' },
            { path: 'tenant.slug', message: 'Ska vara små bokstäver a–z.' },
            { path: 'tenant.admin.email', message: 'Ska vara en e-postadress.' },
          ],
        },
        400,
      ),
    );
    renderScreen('/forsta-start', FirstRunPage);
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Lägg upp organisationen' }));
    const alert = await screen.findByRole('alert');
    expect(document.activeElement).toBe(alert);
    expect(within(alert).getAllByRole('listitem')).toHaveLength(3);
    for (const [label, message] of [
      ['Installationskod', 'Fel installationskod.'],
      ['Kortnamn', 'Ska vara små bokstäver a–z.'],
      ['Din e-postadress', 'Ska vara en e-postadress.'],
    ] as const) {
      const field = screen.getByLabelText(label);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      const described = (field.getAttribute('aria-describedby') ?? '').split(' ');
      expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(message);
    }
  });

  test('passwords that differ are caught before anything is sent', async () => {
    const seen = newInstallation();
    renderScreen('/forsta-start', FirstRunPage);
    await fillIn('ett-långt-lösenord', 'ett-annat-lösenord');
    await userEvent.click(screen.getByRole('button', { name: 'Lägg upp organisationen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Lösenorden är inte lika.');
    expect(screen.getByLabelText('Upprepa lösenordet').getAttribute('aria-invalid')).toBe('true');
    expect(seen.filter((request) => request.method === 'POST')).toEqual([]);
  });

  test('once the installation has an organisation, the page leads to signing in, or to the start for someone signed in', async () => {
    answerFetch((request) =>
      request.url === '/api/v1/me'
        ? json({ type: 'about:blank', title: 'Du behöver logga in.', status: 401 }, 401)
        : json({ needed: false }),
    );
    renderScreen('/forsta-start', FirstRunPage);
    await screen.findByRole('heading', { level: 1, name: 'Signing in' });
    cleanup();
    answerFetch((request) => (request.url === '/api/v1/me' ? json(who) : json({ needed: false })));
    renderScreen('/forsta-start', FirstRunPage);
    await screen.findByRole('heading', { level: 1, name: 'Start' });
  });
});
