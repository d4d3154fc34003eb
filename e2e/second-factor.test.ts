import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { checkScreen, PASSWORD, signIn, useBrowserSession } from './support/session.ts';

// Two-step verification in the browser. The journeys' server runs on its own clock (started at a
// fixed moment), so the codes are made for the server's time, which /me gives: a code of the next 30 seconds is accepted too (phones'
// clocks drift), which lets the sign-in use a code other than the one that confirmed the setup.

const session = useBrowserSession();

/** How far the server's clock is ahead of this machine's, in milliseconds, as /me tells a signed-in page. */
let serverAheadMs = 0;

async function followServerClock(page: Page): Promise<void> {
  const before = Date.now();
  const now = await page.evaluate(async () => {
    const response = await fetch('/api/v1/me');
    return ((await response.json()) as { now: string }).now;
  });
  serverAheadMs = Date.parse(now) - (before + Date.now()) / 2;
}

/** The code an authenticator app on the server's clock shows for the key `offsetSeconds` from now. */
function codeFor(key: string, offsetSeconds = 0): string {
  return new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, '')), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + serverAheadMs + offsetSeconds * 1000,
  });
}

describe('two-step verification', () => {
  test('a person turns it on from their account page, keeps the recovery codes, and signs in with password and code', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    await followServerClock(page);
    await page.goto(`${session.url}/mitt-konto/losenord`);
    const section = page.getByRole('region', { name: 'Tvåstegsverifiering' });
    await section.getByText('Tvåstegsverifiering är av.').waitFor();
    await section.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
    await section.getByRole('img', { name: 'QR-kod att skanna med autentiseringsappen' }).waitFor();
    const key = (await section.locator('.manual-key').textContent())!;
    expect(key.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
    await checkScreen(page, 'two-step-enrolment');

    // A wrong code is told at the field.
    await section.getByLabel('Kod från appen').fill('000000' === codeFor(key) ? '111111' : '000000');
    await section.getByRole('button', { name: 'Bekräfta och slå på' }).click();
    await page.getByRole('alert').getByText('Koden stämmer inte', { exact: false }).waitFor();
    expect(await section.getByLabel('Kod från appen').getAttribute('aria-invalid')).toBe('true');

    await section.getByLabel('Kod från appen').fill(codeFor(key));
    await section.getByRole('button', { name: 'Bekräfta och slå på' }).click();
    const codes = page.getByRole('region', { name: 'Dina reservkoder' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await checkScreen(page, 'two-step-recovery-codes');
    await codes.getByRole('button', { name: 'Jag har sparat koderna' }).click();
    await section.getByText('Tvåstegsverifiering är på.').waitFor();
    await page.context().close();

    // Another browser: the password alone no longer signs in; the code from the app does.
    const other = await session.newPage();
    await other.goto(`${session.url}/logga-in`);
    await other.getByLabel('E-postadress').fill('samordnare@malmo.example');
    await other.getByLabel('Lösenord').fill(PASSWORD);
    await other.getByRole('button', { name: 'Logga in' }).click();
    await other.getByRole('heading', { level: 2, name: 'Ange koden från appen' }).waitFor();
    const code = other.getByLabel('Kod från appen');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await checkScreen(other, 'sign-in-second-step');
    await other.getByRole('button', { name: 'Använd en reservkod i stället' }).click();
    await other.getByLabel('Reservkod').waitFor();
    await other.getByRole('button', { name: 'Använd en kod från appen i stället' }).click();
    // The code of the next 30 seconds: the one of now may be the one that confirmed the setup.
    await other.getByLabel('Kod från appen').fill(codeFor(key, 30));
    await other.getByRole('button', { name: 'Fortsätt' }).click();
    await other.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor();
    await other.context().close();
  });

  test('the tenant administrator finds the sign-in policy under Administration → Inloggning', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@malmo.example');
    await page.goto(`${session.url}/administration/inloggningskrav`);
    await page.getByRole('heading', { level: 1, name: 'Inloggningskrav' }).waitFor();
    const sso = page.getByLabel('Kräv inloggning via organisationens inloggning (SSO)');
    await sso.waitFor();
    await checkScreen(page, 'admin-sign-in-policy');
    // Without a break-glass administrator and an identity provider, SSO cannot be required.
    await sso.check();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('alert').getByText('reservadministratör', { exact: false }).waitFor();
    expect(await sso.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'admin-sign-in-policy-refused');
    await page.context().close();
  });
});
