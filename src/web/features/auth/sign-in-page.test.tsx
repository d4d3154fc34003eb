import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { administratorOf } from '../../../../test/web/admin-fixtures.ts';
import { SignInPage } from './sign-in-page.tsx';

const ME = { ...administratorOf(), secondFactor: { enabled: true, required: false } };
const SECOND_STEP = { step: 'verify', expiresAt: '2026-03-02T09:05:00.000Z' };
/** The installation's only organisation, without identity providers: the page shows only the password form. */
const NO_PROVIDERS = { organisation: { slug: 'kommun', name: 'Kommunen' }, options: [], passwordSignIn: true };

/** The sign-in page at /logga-in, and the start page it leads to. */
function renderSignIn() {
  const root = createRootRoute({ component: Outlet });
  const signIn = createRoute({ getParentRoute: () => root, path: '/logga-in', component: SignInPage });
  const start = createRoute({ getParentRoute: () => root, path: '/', component: () => <h1>Start</h1> });
  const router = createRouter({
    routeTree: root.addChildren([signIn, start]),
    history: createMemoryHistory({ initialEntries: ['/logga-in'] }),
  });
  renderWithApp(<RouterProvider router={router} />);
}

async function givePassword() {
  await userEvent.type(await screen.findByLabelText('E-postadress'), 'ada@kommun.example');
  await userEvent.type(screen.getByLabelText('Lösenord'), 'rätt-lösenord-123');
  await userEvent.click(screen.getByRole('button', { name: 'Logga in' }));
}

describe('SignInPage: the second step', () => {
  test('a right password of a person with two-step verification asks for the code; the code signs in', async () => {
    const seen = answerFetch((request) => {
      if (request.url.startsWith('/api/v1/sign-in-options')) return json(NO_PROVIDERS);
      if (request.url === '/api/v1/auth/login') return json(SECOND_STEP, 202);
      if (request.url === '/api/v1/auth/login/second-factor') return json(ME);
      throw new Error(`unexpected request ${request.method} ${request.url}`);
    });
    renderSignIn();
    await givePassword();
    const heading = await screen.findByRole('heading', { name: 'Ange koden från appen' });
    expect(document.activeElement).toBe(heading);
    const code = screen.getByLabelText('Kod från appen');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('aria-required')).toBe('true');
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Fortsätt' }));
    await screen.findByRole('heading', { name: 'Start' });
    expect(
      seen
        .filter((request) => !request.url.startsWith('/api/v1/sign-in-options'))
        .map((request) => [request.url, request.body]),
    ).toEqual([
      ['/api/v1/auth/login', { email: 'ada@kommun.example', password: 'rätt-lösenord-123' }],
      ['/api/v1/auth/login/second-factor', { code: '123456' }],
    ]);
  });

  test('a wrong code is told at the field; a recovery code can be used instead', async () => {
    let attempts = 0;
    const seen = answerFetch((request) => {
      if (request.url.startsWith('/api/v1/sign-in-options')) return json(NO_PROVIDERS);
      if (request.url === '/api/v1/auth/login') return json(SECOND_STEP, 202);
      attempts++;
      if (attempts === 1)
        return json(
          {
            type: 'urn:uppsikt:problem:validation_failed',
            title: 'Uppgifterna är inte giltiga.',
            status: 400,
            errors: [{ path: 'code', message: 'Koden stämmer inte.' }],
          },
          400,
        );
      return json(ME);
    });
    renderSignIn();
    await givePassword();
    await userEvent.type(await screen.findByLabelText('Kod från appen'), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Fortsätt' }));
    await screen.findByRole('alert');
    await waitFor(() => expect(screen.getByLabelText('Kod från appen').getAttribute('aria-invalid')).toBe('true'));

    await userEvent.click(screen.getByRole('button', { name: 'Använd en reservkod i stället' }));
    await userEvent.type(screen.getByLabelText('Reservkod'), 'ACDE-FGHJ-KMNP-QRTW');
    await userEvent.click(screen.getByRole('button', { name: 'Fortsätt' }));
    await screen.findByRole('heading', { name: 'Start' });
    expect(seen.at(-1)!.body).toEqual({ recoveryCode: 'ACDE-FGHJ-KMNP-QRTW' });
  });

  test('an ended second step leads back to the password, with the reason', async () => {
    answerFetch((request) => {
      if (request.url.startsWith('/api/v1/sign-in-options')) return json(NO_PROVIDERS);
      if (request.url === '/api/v1/auth/login') return json(SECOND_STEP, 202);
      return json(
        {
          type: 'urn:uppsikt:problem:unauthenticated',
          title: 'Du behöver logga in.',
          status: 401,
          detail: 'Inloggningen har gått ut eller avbrutits. Logga in med ditt lösenord igen.',
        },
        401,
      );
    });
    renderSignIn();
    await givePassword();
    await userEvent.type(await screen.findByLabelText('Kod från appen'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Fortsätt' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/gått ut/);
    expect(screen.getByLabelText('Lösenord')).toBeTruthy();
  });
});
