import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { meKeys } from '../../api/me.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { ChoosePasswordPage } from './choose-password-page.tsx';

const described = {
  purpose: 'set_password',
  expiresAt: '2026-03-03T09:00:00.000Z',
  user: { name: 'Ada Administratör', email: 'ada@lund.example.se' },
  tenant: { name: 'Lunds kommun', slug: 'lund' },
};

const who = {
  user: { id: 'u1', name: 'Ada Administratör', email: 'ada@lund.example.se', title: null, locale: 'sv' },
  tenant: { id: 't1', slug: 'lund', name: 'Lunds kommun' },
  roles: [],
  via: 'session',
  mayWrite: true,
  csrfToken: 'csrf-1',
  now: '2026-03-02T09:00:00.000Z',
};

const gone = (reason: string) =>
  json({ type: 'urn:uppsikt:problem:gone', title: 'Det gäller inte längre.', status: 410, detail: '…', reason }, 410);

/** Opens the page as the link in a message does: the secret after # in the address. */
function openLink(fragment: string) {
  window.history.replaceState(null, '', `/valj-losenord${fragment}`);
  return renderScreen('/valj-losenord', ChoosePasswordPage);
}

afterEach(() => {
  setCsrfToken(null);
  window.history.replaceState(null, '', '/');
});

describe('ChoosePasswordPage: a one-time link to choose a password', () => {
  test('reads the secret from the fragment, takes it out of the address and shows whose account it is', async () => {
    const seen = answerFetch(() => json(described));
    openLink('#hemlig-lank');
    await screen.findByText('Du väljer lösenord för Ada Administratör, Lunds kommun.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Välj lösenord');
    expect(screen.getByText('Du loggar in med e-postadressen ada@lund.example.se.')).toBeTruthy();
    expect(screen.getByText(/^Länken gäller till och med .*2026.*, och bara en gång\.$/)).toBeTruthy();
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/valj-losenord');
    expect(seen.map((request) => [request.method, request.url, request.body])).toEqual([
      ['POST', '/api/v1/auth/links/describe', { secret: 'hemlig-lank' }],
    ]);
  });

  test.each([
    [
      'invitation',
      'Välkommen till Uppsikt',
      'Du är inbjuden till Uppsikt som Ada Administratör, Lunds kommun. Välj ditt lösenord, så är du inloggad.',
    ],
    ['password_reset', 'Välj ett nytt lösenord', 'Du väljer ett nytt lösenord för Ada Administratör, Lunds kommun.'],
  ])('a link of purpose %s has its own heading and first line', async (purpose, heading, lead) => {
    answerFetch(() => json({ ...described, purpose }));
    openLink('#hemlig-lank');
    await screen.findByText(lead);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(heading);
    expect(screen.getByLabelText('Nytt lösenord')).toBeTruthy();
  });

  test('a short password and one that differs from its repeat are shown at their fields, and nothing is sent', async () => {
    const seen = answerFetch(() => json(described));
    openLink('#hemlig-lank');
    await userEvent.type(await screen.findByLabelText('Nytt lösenord'), 'kort');
    await userEvent.type(screen.getByLabelText('Upprepa lösenordet'), 'annat');
    await userEvent.click(screen.getByRole('button', { name: 'Spara lösenordet och logga in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Lösenordet ska vara minst 12 tecken.');
    expect(alert.textContent).toContain('Lösenorden är inte lika.');
    expect(document.activeElement).toBe(alert);
    expect(screen.getByLabelText('Upprepa lösenordet').getAttribute('aria-invalid')).toBe('true');
    expect(seen).toHaveLength(1);
  });

  test('choosing a password signs in as the answer says and goes to the start page', async () => {
    const seen = answerFetch((request) => (request.url.endsWith('/describe') ? json(described) : json(who)));
    const { queryClient } = openLink('#hemlig-lank');
    await userEvent.type(await screen.findByLabelText('Nytt lösenord'), 'ett-långt-lösenord');
    await userEvent.type(screen.getByLabelText('Upprepa lösenordet'), 'ett-långt-lösenord');
    await userEvent.click(screen.getByRole('button', { name: 'Spara lösenordet och logga in' }));
    await screen.findByRole('heading', { level: 1, name: 'Start' });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/v1/auth/links/password',
      body: { secret: 'hemlig-lank', password: 'ett-långt-lösenord' },
    });
    expect(queryClient.getQueryData(meKeys.me)).toEqual(who);
  });

  test('without a secret in the address it says the link is incomplete, and asks nothing', async () => {
    const seen = answerFetch(() => json(described));
    openLink('');
    await screen.findByRole('heading', { level: 1, name: 'Länken är inte hel' });
    expect(seen).toEqual([]);
  });

  test('a link pasted into the address bar of the page is read too (only the fragment changes)', async () => {
    const seen = answerFetch(() => json(described));
    openLink('');
    await screen.findByRole('heading', { level: 1, name: 'Länken är inte hel' });
    window.location.hash = '#inklistrad-lank';
    await screen.findByText('Du väljer lösenord för Ada Administratör, Lunds kommun.');
    expect(window.location.hash).toBe('');
    expect(seen.map((request) => request.body)).toEqual([{ secret: 'inklistrad-lank' }]);
  });

  test('a used link leads to signing in', async () => {
    answerFetch(() => gone('used'));
    const { router } = openLink('#hemlig-lank');
    await screen.findByRole('heading', { level: 1, name: 'Länken är redan använd' });
    await userEvent.click(screen.getByRole('link', { name: 'Till inloggningen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/logga-in'));
  });

  test('an expired link offers to ask for a new one', async () => {
    answerFetch(() => gone('expired'));
    openLink('#hemlig-lank');
    await screen.findByRole('heading', { level: 1, name: 'Länken har gått ut' });
    expect(screen.getByRole('link', { name: 'Glömt lösenordet? Be om en ny länk' }).getAttribute('href')).toBe(
      '/glomt-losenord',
    );
  });

  test.each([
    ['an expired link', () => gone('expired'), 'Länken har gått ut', /Be din administratör om en ny länk/],
    ['a withdrawn link', () => gone('withdrawn'), 'Länken gäller inte längre', /Använd den senaste länken/],
    [
      'an unknown link',
      () => json({ type: 'urn:uppsikt:problem:not_found', title: 'Det finns inget här.', status: 404 }, 404),
      'Länken finns inte',
      /be din administratör om en ny länk/,
    ],
    [
      'the link of a deactivated person',
      () =>
        json(
          {
            type: 'urn:uppsikt:problem:forbidden',
            title: 'Du har inte behörighet till detta.',
            status: 403,
            detail: 'Kontot är avaktiverat. Kontakta din administratör.',
          },
          403,
        ),
      'Kontot går inte att använda',
      /^Kontot är avaktiverat\. Kontakta din administratör\.$/,
    ],
  ])('%s says what to do instead, without a form', async (_case, answer, heading, advice) => {
    answerFetch(answer);
    openLink('#hemlig-lank');
    await screen.findByRole('heading', { level: 1, name: heading });
    expect(screen.getByText(advice)).toBeTruthy();
    expect(screen.queryByLabelText('Nytt lösenord')).toBeNull();
  });
});
