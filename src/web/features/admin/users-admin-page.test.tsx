import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json, type SeenRequest } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { OpenInvitation } from '../../api/invitations.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { UsersAdminPage } from './users-admin-page.tsx';
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';

const ROOT = ROOT_UNIT;
const NAMND = NAMND_UNIT;
const who = administratorOf;

function person(id: string, name: string, email: string | null, changes: { deactivatedAt?: string } = {}) {
  return {
    id,
    name,
    email,
    title: null,
    locale: 'sv',
    canSignIn: false,
    deactivatedAt: changes.deactivatedAt ?? null,
    version: 1,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
  };
}

const PEOPLE = [
  person('p1', 'Ada Admin', 'ada@kommun.example'),
  person('p2', 'Karin Lund', 'karin.lund@kommun.example'),
  person('p3', 'Olle Utan Adress', null),
  person('p4', 'Greta Slutat', 'greta@kommun.example', { deactivatedAt: '2026-02-01T09:00:00.000Z' }),
];

const LINK = 'http://127.0.0.1:3000/valj-losenord#hemlig-inbjudan';
const EXPIRES = '2026-03-09T09:00:00.000Z';

/**
 * A server with the tenant's units, persons and roles and the signed-in person; it keeps the open
 * invitations, and `invite` answers an invitation (mailed or not).
 */
function server({
  me = who(),
  open = [] as OpenInvitation[],
  invite = (): Response => json({ userId: 'p2', expiresAt: EXPIRES, mailed: false, link: LINK }),
} = {}) {
  let invitations = [...open];
  return answerFetch((request) => {
    const path = request.url.split('?')[0];
    if (path === '/api/v1/me') return json(me);
    if (path === '/api/v1/org-units')
      return json({ items: [ROOT, NAMND].map((unit) => ({ ...unit, archivedAt: null, version: 1 })), total: 2 });
    if (path === '/api/v1/users') return json({ items: PEOPLE, total: PEOPLE.length });
    if (path === '/api/v1/role-assignments') return json({ items: [], total: 0 });
    if (path === '/api/v1/invitations') return json({ items: invitations });
    const invitation = /^\/api\/v1\/users\/([^/]+)\/invitation$/.exec(path!);
    if (invitation && request.method === 'POST') {
      const answer = invite();
      if (answer.ok)
        invitations = [{ userId: invitation[1]!, createdAt: '2026-03-02T09:00:00.000Z', expiresAt: EXPIRES }];
      return answer;
    }
    if (invitation && request.method === 'DELETE') {
      invitations = invitations.filter((open) => open.userId !== invitation[1]);
      return new Response(null, { status: 204 });
    }
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
}

const invitationRequests = (seen: SeenRequest[]) =>
  seen
    .filter((request) => request.url.includes('invitation'))
    .map((request) => `${request.method} ${request.url.split('?')[0]}`);

/** The row of a person in the table of people. */
const rowOf = async (name: string) => screen.findByRole('row', { name: new RegExp(`^${name}`) });

afterEach(() => setCsrfToken(null));

describe('UsersAdminPage: inviting people', () => {
  test('only persons with an address who have not left can be invited; the open invitations are read in one request', async () => {
    const seen = server();
    renderScreen('/administration/anvandare', UsersAdminPage);
    expect(await screen.findByRole('columnheader', { name: 'Inbjudan' })).toBeTruthy();
    expect(within(await rowOf('Karin Lund')).getByRole('button', { name: 'Bjud in Karin Lund' })).toBeTruthy();
    expect(within(await rowOf('Olle Utan Adress')).queryByRole('button', { name: /Bjud in/ })).toBeNull();
    expect(within(await rowOf('Greta Slutat')).queryByRole('button', { name: /Bjud in/ })).toBeNull();
    expect(invitationRequests(seen)).toEqual(['GET /api/v1/invitations']);
  });

  test('a link that was not mailed is shown once in a panel that takes focus, can be copied, and is gone when closed', async () => {
    const user = userEvent.setup();
    const seen = server();
    renderScreen('/administration/anvandare', UsersAdminPage);
    await user.click(within(await rowOf('Karin Lund')).getByRole('button', { name: 'Bjud in Karin Lund' }));

    const panel = await screen.findByRole('region', { name: 'Länk till inbjudan för Karin Lund' });
    expect(document.activeElement).toBe(panel);
    // What the panel is read out with: shown only now, for the person alone, and until when.
    const once = document.getElementById(panel.getAttribute('aria-describedby')!)!.textContent;
    expect(once).toContain('Länken visas bara nu och går inte att visa igen.');
    expect(once).toContain('Ge länken till Karin Lund (karin.lund@kommun.example) och ingen annan');
    expect(once).toMatch(/gäller till .*2026/);
    expect(within(panel).getByLabelText<HTMLTextAreaElement>('Inbjudningslänk').value).toBe(LINK);
    expect(invitationRequests(seen)).toEqual([
      'GET /api/v1/invitations',
      'POST /api/v1/users/p2/invitation',
      'GET /api/v1/invitations',
    ]);
    // The row says the invitation is open, and offers a new one and withdrawal.
    const row = await rowOf('Karin Lund');
    await within(row).findByText(/^Inbjuden – länken gäller till .*2026/);
    expect(within(row).getByRole('button', { name: 'Dra tillbaka inbjudan till Karin Lund' })).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: 'Kopiera länken' }));
    expect(within(panel).getByRole('status').textContent).toBe('Länken är kopierad.');
    expect(await navigator.clipboard.readText()).toBe(LINK);

    await user.click(within(panel).getByRole('button', { name: 'Stäng länken' }));
    expect(screen.queryByRole('region', { name: /Länk till inbjudan/ })).toBeNull();
    expect(document.body.textContent).not.toContain('hemlig-inbjudan');
    expect(document.activeElement).toBe(
      within(row).getByRole('button', { name: 'Skicka ny inbjudan till Karin Lund' }),
    );
  });

  test('a mailed invitation is announced with the address, and no link is shown', async () => {
    server({ invite: () => json({ userId: 'p2', expiresAt: EXPIRES, mailed: true, link: null }) });
    renderScreen('/administration/anvandare', UsersAdminPage);
    await userEvent.click(within(await rowOf('Karin Lund')).getByRole('button', { name: 'Bjud in Karin Lund' }));
    await waitFor(() =>
      expect(screen.getByText('Inbjudan skickad till karin.lund@kommun.example.').getAttribute('role')).toBe('status'),
    );
    expect(screen.queryByRole('region', { name: /Länk till inbjudan/ })).toBeNull();
    await within(await rowOf('Karin Lund')).findByText(/^Inbjuden – länken gäller till/);
  });

  test('withdrawing an open invitation is announced, and focus stays in the row on the invite button', async () => {
    const seen = server({ open: [{ userId: 'p2', createdAt: '2026-03-01T09:00:00.000Z', expiresAt: EXPIRES }] });
    renderScreen('/administration/anvandare', UsersAdminPage);
    const row = await rowOf('Karin Lund');
    await within(row).findByText(/^Inbjuden – länken gäller till .*2026/);
    await userEvent.click(within(row).getByRole('button', { name: 'Dra tillbaka inbjudan till Karin Lund' }));

    await waitFor(() =>
      expect(
        screen
          .getByText('Inbjudan till Karin Lund är tillbakadragen. Länken fungerar inte längre.')
          .getAttribute('role'),
      ).toBe('status'),
    );
    const invite = await within(row).findByRole('button', { name: 'Bjud in Karin Lund' });
    expect(document.activeElement).toBe(invite);
    expect(within(row).queryByText(/Inbjuden/)).toBeNull();
    expect(within(row).queryByRole('button', { name: /Dra tillbaka/ })).toBeNull();
    expect(invitationRequests(seen)).toEqual([
      'GET /api/v1/invitations',
      'DELETE /api/v1/users/p2/invitation',
      'GET /api/v1/invitations',
    ]);
  });

  test('a refusal is shown above the table with the server’s words, and nothing is shown as sent', async () => {
    server({
      invite: () =>
        json(
          {
            type: 'urn:uppsikt:problem:validation_failed',
            title: 'Uppgifterna är inte giltiga.',
            status: 400,
            errors: [{ path: 'email', message: 'Personen har ingen e-postadress. Lägg till en först.' }],
          },
          400,
        ),
    });
    renderScreen('/administration/anvandare', UsersAdminPage);
    await userEvent.click(within(await rowOf('Karin Lund')).getByRole('button', { name: 'Bjud in Karin Lund' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Personen har ingen e-postadress. Lägg till en först.');
    expect(document.activeElement).toBe(alert);
    expect(screen.queryByRole('region', { name: /Länk till inbjudan/ })).toBeNull();
    expect(screen.queryByText(/Inbjudan skickad/)).toBeNull();
  });

  test('an administrator of a nämnd only neither sees nor asks for invitations', async () => {
    const seen = server({ me: who(NAMND.id) });
    renderScreen('/administration/anvandare', UsersAdminPage);
    await rowOf('Karin Lund');
    expect(screen.queryByRole('columnheader', { name: 'Inbjudan' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Bjud in/ })).toBeNull();
    expect(invitationRequests(seen)).toEqual([]);
  });
});
