import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { ScimToken } from '../../api/scim.ts';
import { DirectoryAdminPage } from './directory-admin-page.tsx';

const BASE_URL = 'https://uppsikt.kommun.example/scim/v2';
const SECRET = 'scim_hemligHemligHemligHemligHemligHemligHem';

function token(id: string, prefix: string, changes: Partial<ScimToken> = {}): ScimToken {
  return {
    id,
    prefix,
    createdById: 'p1',
    createdAt: '2026-03-01T09:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...changes,
  };
}

/** A server with the tenant's SCIM tokens and groups; it creates and revokes tokens. */
function server(initial: ScimToken[] = []) {
  let tokens = [...initial];
  return answerFetch((request) => {
    const path = request.url.split('?')[0];
    if (path === '/api/v1/scim-tokens' && request.method === 'GET')
      return json({ items: tokens, total: tokens.length, limit: 500, offset: 0, baseUrl: BASE_URL });
    if (path === '/api/v1/scim-tokens' && request.method === 'POST') {
      const created = token('t-new', 'scim_hemlig', { createdAt: '2026-03-02T09:00:00.000Z' });
      tokens = [created, ...tokens];
      return json({ ...created, token: SECRET, baseUrl: BASE_URL }, 201);
    }
    const revoke = /^\/api\/v1\/scim-tokens\/([^/]+)$/.exec(path!);
    if (revoke && request.method === 'DELETE') {
      tokens = tokens.map((entry) =>
        entry.id === revoke[1] ? { ...entry, revokedAt: '2026-03-02T10:00:00.000Z' } : entry,
      );
      return json(tokens.find((entry) => entry.id === revoke[1]));
    }
    if (path === '/api/v1/directory-groups')
      return json({
        items: [
          {
            id: 'g1',
            displayName: 'IK-Samordnare SOC',
            externalId: '5f1a4a9e-0000-4000-8000-000000000001',
            memberCount: 12,
            createdAt: '2026-03-01T09:00:00.000Z',
            updatedAt: '2026-03-01T09:00:00.000Z',
          },
        ],
        total: 1,
      });
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
}

describe('DirectoryAdminPage: the SCIM address, tokens and the directory’s groups', () => {
  test('shows the address, the groups with their member counts, and a new token once with how to use it', async () => {
    const seen = server([token('t-old', 'scim_gammal', { lastUsedAt: '2026-03-01T12:00:00.000Z' })]);
    renderScreen('/administration/katalog', DirectoryAdminPage);
    await screen.findByRole('heading', { level: 1, name: 'Katalogsynkronisering (SCIM)' });
    const address = (await screen.findByRole('heading', { level: 2, name: 'SCIM-adress' })).closest('section')!;
    expect(within(address).getByText(BASE_URL)).toBeTruthy();
    const groups = screen.getByRole('table', { name: 'Katalogens grupper' });
    const row = within(groups).getByRole('row', { name: /IK-Samordnare SOC/ });
    expect(within(row).getByRole('cell', { name: '12' })).toBeTruthy();
    expect(within(row).getByRole('cell', { name: '5f1a4a9e-0000-4000-8000-000000000001' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /scim_gammal…/ })).toBeTruthy();
    expect(screen.queryByText(SECRET)).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Skapa en SCIM-nyckel' }));
    const panel = (await screen.findByRole('heading', { level: 3, name: 'SCIM-nyckeln är skapad' })).closest(
      'section',
    )!;
    expect(document.activeElement).toBe(panel);
    expect(within(panel).getByRole<HTMLTextAreaElement>('textbox', { name: 'Hemlig token (Secret Token)' }).value).toBe(
      SECRET,
    );
    expect(within(panel).getByRole<HTMLInputElement>('textbox', { name: 'SCIM-adress' }).value).toBe(BASE_URL);
    expect(within(panel).getByText(/visas bara den här gången/)).toBeTruthy();
    await screen.findByRole('row', { name: /scim_hemlig…/ });
    const post = seen.find((request) => request.method === 'POST');
    expect(post).toMatchObject({
      url: '/api/v1/scim-tokens',
      body: {},
      headers: { 'content-type': 'application/json' },
    });

    // Closed, the token is gone for good and focus goes back to the button.
    await userEvent.click(within(panel).getByRole('button', { name: 'Stäng nyckeln' }));
    expect(screen.queryByText(SECRET)).toBeNull();
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Skapa en SCIM-nyckel' }));
  });

  test('revoking asks first: cancelling sends nothing, confirming revokes, and the row says so', async () => {
    const seen = server([token('t-old', 'scim_gammal')]);
    renderScreen('/administration/katalog', DirectoryAdminPage);
    const revoke = await screen.findByRole('button', { name: 'Återkalla scim_gammal…' });
    await userEvent.click(revoke);
    const question = screen.getByText(
      'Återkalla scim_gammal…? Katalogen kan då inte uppdatera Uppsikt med den nyckeln längre.',
    );
    expect(document.activeElement).toBe(question);
    await userEvent.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(seen.filter((request) => request.method === 'DELETE')).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Återkalla scim_gammal…' }));

    // By keyboard: the button, then Yes.
    screen.getByRole('button', { name: 'Återkalla scim_gammal…' }).focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Ja, återkalla' }));
    await waitFor(() =>
      expect(within(screen.getByRole('row', { name: /scim_gammal…/ })).getByText(/^Återkallad/)).toBeTruthy(),
    );
    expect(seen.filter((request) => request.method === 'DELETE').map((request) => request.url)).toEqual([
      '/api/v1/scim-tokens/t-old',
    ]);
  });

  test('without tokens or groups it says so', async () => {
    answerFetch((request) => {
      if (request.url.startsWith('/api/v1/scim-tokens'))
        return json({ items: [], total: 0, limit: 500, offset: 0, baseUrl: BASE_URL });
      return json({ items: [], total: 0 });
    });
    renderScreen('/administration/katalog', DirectoryAdminPage);
    await screen.findByText('Ingen SCIM-nyckel är skapad än.');
    expect(screen.getByText('Katalogen har inte skickat några grupper än.')).toBeTruthy();
  });
});
