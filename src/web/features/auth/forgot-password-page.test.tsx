import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, failFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { ForgotPasswordPage } from './forgot-password-page.tsx';

const ANSWER =
  'Om adressen hör till ett konto i Uppsikt har vi skickat ett brev med en länk för att välja nytt lösenord. Länken gäller en timme.';

/** The server's answer to every request for a new password, whether or not the address has an account. */
const accepted = () => json({ message: ANSWER }, 202);

describe('ForgotPasswordPage: asking for a new password', () => {
  test('sends the address and shows the server’s answer in a status that takes focus; the page and the form stay', async () => {
    const seen = answerFetch(accepted);
    renderScreen('/glomt-losenord', ForgotPasswordPage);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Glömt lösenordet');
    const email = screen.getByLabelText('E-postadress');
    expect(email.getAttribute('type')).toBe('email');
    expect(email.getAttribute('autocomplete')).toBe('username');
    expect(email.getAttribute('aria-required')).toBe('true');

    await userEvent.type(email, ' karin.lund@kommun.example ');
    await userEvent.click(screen.getByRole('button', { name: 'Skicka länken' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe(ANSWER);
    expect(document.activeElement).toBe(status);
    expect(seen.map((request) => [request.method, request.url, request.body])).toEqual([
      ['POST', '/api/v1/auth/password-reset', { email: 'karin.lund@kommun.example' }],
    ]);
    expect(screen.getByLabelText<HTMLInputElement>('E-postadress').value).toBe('karin.lund@kommun.example');
    expect(screen.getByRole('button', { name: 'Skicka länken' })).toBeTruthy();

    // Asked again, the answer is read out again.
    await userEvent.click(screen.getByRole('button', { name: 'Skicka länken' }));
    await waitFor(() => expect(seen).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('status')));
  });

  test.each([
    ['an empty address', '', 'Skriv din e-postadress.'],
    ['a name instead of an address', 'karin', 'Skriv hela e-postadressen, till exempel fornamn.efternamn@kommun.se.'],
  ])('%s is shown at the field and in the summary, and nothing is sent', async (_case, typed, message) => {
    const seen = answerFetch(accepted);
    renderScreen('/glomt-losenord', ForgotPasswordPage);
    if (typed) await userEvent.type(await screen.findByLabelText('E-postadress'), typed);
    await userEvent.click(await screen.findByRole('button', { name: 'Skicka länken' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(document.activeElement).toBe(alert);
    expect(screen.getByLabelText('E-postadress').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('status')).toBeNull();
    expect(seen).toEqual([]);
  });

  test('when the server cannot be reached it says so, and no answer is shown', async () => {
    failFetch();
    renderScreen('/glomt-losenord', ForgotPasswordPage);
    await userEvent.type(await screen.findByLabelText('E-postadress'), 'karin.lund@kommun.example');
    await userEvent.click(screen.getByRole('button', { name: 'Skicka länken' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Servern svarar inte');
    expect(screen.queryByRole('status')).toBeNull();
  });

  test('leads back to signing in', async () => {
    answerFetch(accepted);
    const { router } = renderScreen('/glomt-losenord', ForgotPasswordPage);
    await userEvent.click(await screen.findByRole('link', { name: 'Tillbaka till inloggningen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/logga-in'));
  });
});
