import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../src/server/paths.ts';
import { launchBrowser } from './support/browser.ts';
import { startBuiltServer, type RunningServer } from './support/server.ts';
import { checkScreen } from './support/session.ts';

// A new installation from nothing: the built server on an empty embedded database without the
// demo data, as someone who has just installed Uppsikt starts it. The first-run page makes the
// first organisation with the setup code from the server's log; then an operator creates a
// second one on the command line, whose administrator chooses a password with the one-time link.

const run = promisify(execFile);
/** The same embedded database for the server and the command line, one at a time. */
let env: Record<string, string> = {};
let dataDir = '';
let server: RunningServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'uppsikt-e2e-first-run-'));
  env = { DATABASE_URL: '', DATA_DIR: dataDir };
  [server, browser] = await Promise.all([startBuiltServer(env, { demo: false }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh browser window (its own cookies), in Swedish. */
async function newPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** The setup code the server printed when it started on an empty database. */
async function setupCodeFromLog(running: RunningServer): Promise<string> {
  const pattern = /give the setup code ([A-Z0-9]{5}(?:-[A-Z0-9]{5}){3})/;
  await expect.poll(() => pattern.test(running.log()), { timeout: 10_000 }).toBe(true);
  return pattern.exec(running.log())![1]!;
}

describe('a new installation', () => {
  test('the first-run page creates the first organisation and signs its administrator in', async () => {
    const code = await setupCodeFromLog(server!);
    const page = await newPage();
    await page.goto(`${server!.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Välkommen till Uppsikt' }).waitFor();
    await page.getByLabel('Installationskod').waitFor();
    expect(new URL(page.url()).pathname).toBe('/forsta-start');
    await checkScreen(page, 'first-run');

    await page.getByLabel('Installationskod').fill('AAAAA-CCCCC-DDDDD-EEEEE');
    await page.getByLabel('Organisationens namn').fill('Region Skåne');
    expect(await page.getByLabel('Kortnamn').inputValue()).toBe('region-skane');
    await page.getByLabel('Typ av organisation').selectOption({ label: 'Region' });
    await page.getByLabel('Ditt namn').fill('Ada Administratör');
    await page.getByLabel('Din e-postadress').fill('ada@skane.example.se');
    await page.getByLabel('Lösenord', { exact: true }).fill('ett-långt-lösenord');
    await page.getByLabel('Upprepa lösenordet').fill('ett-långt-lösenord');
    await page.getByRole('button', { name: 'Lägg upp organisationen' }).click();
    // A wrong code is refused at its field, and the summary above the form takes focus.
    const summary = page.getByRole('alert');
    await summary.getByText('Fel installationskod.', { exact: false }).waitFor();
    expect(await page.evaluate<string | null>("document.activeElement.getAttribute('role')")).toBe('alert');
    expect(await page.getByLabel('Installationskod').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'first-run-wrong-code');

    await page.getByLabel('Installationskod').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Lägg upp organisationen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor();
    await page.getByText('Inloggad som Ada Administratör, Region Skåne').waitFor();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).waitFor();
    await page.context().close();

    // Signed out, the start leads to signing in: the first-run page is gone for good.
    const later = await newPage();
    await later.goto(`${server!.url}/`);
    await later.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await later.goto(`${server!.url}/forsta-start`);
    await later.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await later.context().close();
  }, 180_000);

  test('an administrator created on the command line chooses a password with the one-time link, once', async () => {
    // The embedded database has one user at a time: the server stops while the command runs.
    await server!.stop();
    const { stdout } = await run(
      process.execPath,
      [
        'bin/uppsikt.js',
        'tenant',
        'create',
        '--slug',
        'lund',
        '--name',
        'Lunds kommun',
        '--kind',
        'kommun',
        '--admin-email',
        'karin@lund.example.se',
        '--admin-name',
        'Karin Lund',
      ],
      { cwd: packageRoot, env: { ...process.env, ...env } },
    );
    const link = new URL(/https?:\/\/\S+\/valj-losenord#\S+/.exec(stdout)![0]);
    server = await startBuiltServer(env, { demo: false });
    const address = `${server.url}${link.pathname}${link.hash}`;

    const page = await newPage();
    const missing = await page.goto(`${server.url}/valj-losenord`);
    expect(missing?.ok()).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Länken är inte hel' }).waitFor();

    await page.goto(address);
    await page.getByText('Du väljer lösenord för Karin Lund, Lunds kommun.').waitFor();
    await page.getByText('Du loggar in med e-postadressen karin@lund.example.se.').waitFor();
    await page.getByText(/^Länken gäller till och med .+, och bara en gång\.$/).waitFor();
    // The secret is taken out of the address bar once read.
    expect(new URL(page.url()).hash).toBe('');
    expect(new URL(page.url()).pathname).toBe('/valj-losenord');
    await checkScreen(page, 'choose-password');

    await page.getByLabel('Nytt lösenord').fill('karins-långa-lösenord');
    await page.getByLabel('Upprepa lösenordet').fill('karins-andra-lösenord');
    await page.getByRole('button', { name: 'Spara lösenordet och logga in' }).click();
    await page.getByRole('alert').getByText('Lösenorden är inte lika.', { exact: false }).waitFor();
    await page.getByLabel('Upprepa lösenordet').fill('karins-långa-lösenord');
    await page.getByRole('button', { name: 'Spara lösenordet och logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor();
    await page.getByText('Inloggad som Karin Lund, Lunds kommun').waitFor();
    await page.context().close();

    // The link works once: opened again, it says so and leads to signing in with the password.
    const again = await newPage();
    await again.goto(address);
    await again.getByRole('heading', { level: 1, name: 'Länken är redan använd' }).waitFor();
    await checkScreen(again, 'choose-password-used');
    await again.getByRole('link', { name: 'Till inloggningen' }).click();
    await again.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await again.getByLabel('E-postadress').fill('karin@lund.example.se');
    await again.getByLabel('Lösenord').fill('karins-långa-lösenord');
    await again.getByRole('button', { name: 'Logga in' }).click();
    await again.getByText('Inloggad som Karin Lund, Lunds kommun').waitFor();
    await again.context().close();
  }, 240_000);
});
