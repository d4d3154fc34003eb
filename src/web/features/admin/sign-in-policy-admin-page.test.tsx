import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { SignInPolicyAdminPage } from './sign-in-policy-admin-page.tsx';

const SETTINGS = {
  requireSso: false,
  requireSecondFactorForAdmins: false,
  breakGlassAdministrators: 0,
  enabledIdentityProviders: 0,
  version: 3,
  updatedAt: '2026-03-02T09:00:00.000Z',
};

const SSO = 'Kräv inloggning via organisationens inloggning (SSO)';
const SECOND_FACTOR = 'Kräv tvåstegsverifiering för administratörer';

describe('SignInPolicyAdminPage: the organisation’s sign-in policy', () => {
  test('saves the switches with the version read, and says so', async () => {
    const seen = answerFetch((request) => {
      if (request.method === 'GET') return json(SETTINGS);
      return json({ ...SETTINGS, requireSecondFactorForAdmins: true, version: 4 });
    });
    renderScreen('/administration/inloggningskrav', SignInPolicyAdminPage);
    await userEvent.click(await screen.findByLabelText(SECOND_FACTOR));
    expect(screen.getByText('0 reservadministratörer (nödåtkomst).', { exact: false })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Inloggningsreglerna är sparade.'));
    expect(seen.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/v1/tenant-settings',
      body: { version: 3, requireSecondFactorForAdmins: true, requireSso: false },
    });
    expect(screen.getByLabelText<HTMLInputElement>(SECOND_FACTOR).checked).toBe(true);
  });

  test('a refusal to require SSO is told at the switch and read out', async () => {
    answerFetch((request) => {
      if (request.method === 'GET') return json(SETTINGS);
      return json(
        {
          type: 'urn:uppsikt:problem:validation_failed',
          title: 'Uppgifterna är inte giltiga.',
          status: 400,
          errors: [{ path: 'requireSso', message: 'Minst en aktiv administratör måste vara reservadministratör.' }],
        },
        400,
      );
    });
    renderScreen('/administration/inloggningskrav', SignInPolicyAdminPage);
    await userEvent.click(await screen.findByLabelText(SSO));
    await userEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/reservadministratör/);
    const sso = screen.getByLabelText(SSO);
    expect(sso.getAttribute('aria-invalid')).toBe('true');
    expect(sso.getAttribute('aria-describedby')).toContain('sso-errors');
    expect(document.getElementById('sso-errors')!.textContent).toMatch(/reservadministratör/);
  });
});
