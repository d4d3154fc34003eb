import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { SignInOptions } from '../../api/sign-in-options.ts';
import { SsoFailureNotice, SsoOptions } from './sso-sign-in.tsx';

const malmo: SignInOptions = {
  organisation: { slug: 'malmo', name: 'Malmö stad' },
  options: [{ name: 'Malmö stads konto', protocol: 'oidc', signIn: '/sso/malmo/entra/oidc/login' }],
  passwordSignIn: true,
};

describe('SsoOptions: the organisation’s ways of signing in', () => {
  test('shows a button per identity provider that returns the person where they were going', async () => {
    const seen = answerFetch(() => json(malmo));
    const learned: SignInOptions[] = [];
    renderScreen('/inloggningssatt', () => (
      <SsoOptions organisation="malmo" next="/planer" onLoaded={(options) => learned.push(options)} />
    ));
    const button = await screen.findByRole('link', { name: 'Logga in med Malmö stads konto' });
    expect(button.getAttribute('href')).toBe('/sso/malmo/entra/oidc/login?returnTo=%2Fplaner');
    expect(screen.getByRole('heading', { level: 2, name: 'Logga in med ditt konto i Malmö stad' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Eller med e-post och lösenord' })).toBeTruthy();
    expect(seen.map((request) => request.url)).toEqual(['/api/v1/sign-in-options?organisation=malmo']);
    await waitFor(() => expect(learned).toEqual([malmo]));
  });

  test('an organisation that requires SSO gets no invitation to use a password', async () => {
    answerFetch(() => json({ ...malmo, passwordSignIn: false }));
    renderScreen('/inloggningssatt', () => <SsoOptions organisation="malmo" next="/" onLoaded={() => undefined} />);
    await screen.findByRole('link', { name: 'Logga in med Malmö stads konto' });
    expect(screen.queryByRole('heading', { name: 'Eller med e-post och lösenord' })).toBeNull();
  });

  test('when the organisation is not known, the person names it and the page asks again', async () => {
    answerFetch(() => json({ organisation: null, options: [], passwordSignIn: true }));
    const { router } = renderScreen('/inloggningssatt', () => (
      <SsoOptions organisation={undefined} next="/" onLoaded={() => undefined} />
    ));
    await userEvent.type(await screen.findByLabelText('Organisationens kortnamn'), ' Lund ');
    await userEvent.click(screen.getByRole('button', { name: 'Visa inloggningssätt' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/logga-in'));
    expect(router.state.location.search).toMatchObject({ organisation: 'lund' });
  });

  test('a short name that names no organisation is said so', async () => {
    answerFetch(() => json({ organisation: null, options: [], passwordSignIn: true }));
    renderScreen('/inloggningssatt', () => (
      <SsoOptions organisation="finns-inte" next="/" onLoaded={() => undefined} />
    ));
    expect(await screen.findByText('Ingen organisation i Uppsikt har kortnamnet "finns-inte".')).toBeTruthy();
  });

  test('the installation’s only organisation without providers shows nothing', async () => {
    const { container } = (() => {
      renderScreen('/inloggningssatt', () => (
        <SsoOptions organisation={undefined} next="/" onLoaded={() => undefined} />
      ));
      return { container: document.body };
    })();
    await waitFor(() => expect(container.querySelector('a, input')).toBeNull());
  });
});

describe('SsoFailureNotice: why signing in through the organisation failed', () => {
  test('explains a refused token in an alert that takes focus', async () => {
    renderScreen('/inloggningssatt', () => <SsoFailureNotice code="token_rejected" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Inloggningen via din organisation misslyckades');
    expect(alert.textContent).toContain('Ingenting har sparats');
    expect(document.activeElement).toBe(alert);
  });

  test('a person without a role is told whom to ask', async () => {
    renderScreen('/inloggningssatt', () => <SsoFailureNotice code="no_role" />);
    expect((await screen.findByRole('alert')).textContent).toContain('Be Uppsikts administratör');
  });

  test('a reason this page does not know gets the general explanation', async () => {
    renderScreen('/inloggningssatt', () => <SsoFailureNotice code="constructor" />);
    expect((await screen.findByRole('alert')).textContent).toContain('Inloggningen misslyckades. Börja om');
  });
});
