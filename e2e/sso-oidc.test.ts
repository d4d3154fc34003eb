import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../src/server/paths.ts';
import { startOidcProvider, type TestOidcProvider } from '../test/support/oidc-provider.ts';
import { checkScreen } from './support/session.ts';
import { launchBrowser } from './support/browser.ts';
import { startBuiltServer, type RunningServer } from './support/server.ts';

// A municipality moves in, from nothing to work: its tenant is created on the command line, its
// administrator chooses a password with the one-time link, uploads the unit tree and the people,
// and configures sign-in through the municipality's OpenID provider (a real one, oidc-provider,
// started here). A coordinator then signs in through the provider, gets the role a group rule
// gives on their nämnd, and writes a plan. Then what must fail does: a person no rule covers, an
// ID token for another application, an expired one, and a state that comes back a second time.

const run = promisify(execFile);
const SLUG = 'sjobo';
const CLIENT_SECRET = 'the client secret Sjobo kommun was given by its provider';
let dataDir = '';
let env: Record<string, string> = {};
let server: RunningServer | undefined;
let browser: Browser | undefined;
let idp: TestOidcProvider | undefined;
let started = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'uppsikt-e2e-sso-'));
  env = { DATABASE_URL: '', DATA_DIR: dataDir };
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  // The provider's development pages ask for a web font; this machine has no way out.
  await page.route('https://fonts.googleapis.com/**', (route) => route.abort());
  page.setDefaultTimeout(15_000);
  return page;
}

/** Signs in at the provider's own pages (its development form takes any password) and consents. */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('the provider checks no password in this form');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** From the sign-in page of Sjöbo, through the provider, as `login`. */
async function signInThroughProvider(page: Page, login: string) {
  await page.goto(`${server!.url}/logga-in?organisation=${SLUG}`);
  await page.getByRole('link', { name: 'Logga in med Sjöbo kommuns konto' }).click();
  await signInAtProvider(page, login);
}

describe('a municipality moves in and signs in through its OpenID provider', () => {
  test('from `uppsikt tenant create` to a coordinator writing a plan after signing in through the provider', async () => {
    started = performance.now();
    const { stdout } = await run(
      process.execPath,
      [
        'bin/uppsikt.js',
        'tenant',
        'create',
        '--slug',
        SLUG,
        '--name',
        'Sjöbo kommun',
        '--kind',
        'kommun',
        '--admin-email',
        'ida.it@sjobo.example',
        '--admin-name',
        'Ida Holm',
      ],
      { cwd: packageRoot, env: { ...process.env, ...env } },
    );
    const link = new URL(/https?:\/\/\S+\/valj-losenord#\S+/.exec(stdout)![0]);
    server = await startBuiltServer(env, { demo: false });
    idp = await startOidcProvider({
      accounts: [
        { login: 'cecilia', email: 'cecilia.berg@sjobo.example', name: 'Cecilia Berg', groups: ['IK-Samordnare-SOC'] },
        { login: 'okand', email: 'okand@sjobo.example', name: 'Olle Okänd', groups: ['Alla anställda'] },
      ],
      clients: [
        {
          clientId: 'uppsikt-sjobo',
          clientSecret: CLIENT_SECRET,
          redirectUris: [`${server.url}/sso/${SLUG}/sjobo-konto/oidc/callback`],
          postLogoutRedirectUris: [`${server.url}/sso/${SLUG}/sjobo-konto/oidc/logged-out`],
        },
      ],
    });

    // The administrator chooses a password with the link the command printed.
    const admin = await newPage();
    await admin.goto(`${server.url}${link.pathname}${link.hash}`);
    await admin.getByLabel('Nytt lösenord').fill('idas-långa-lösenord');
    await admin.getByLabel('Upprepa lösenordet').fill('idas-långa-lösenord');
    await admin.getByRole('button', { name: 'Spara lösenordet och logga in' }).click();
    await admin.getByText('Inloggad som Ida Holm, Sjöbo kommun').waitFor();

    // The unit tree and the people, from the files the municipality already has.
    await admin.goto(`${server.url}/administration/import`);
    await admin.getByRole('heading', { level: 1, name: 'Importera organisation' }).waitFor();
    const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    const confirm = admin.getByRole('button', { name: 'Genomför importen' });
    await admin
      .getByLabel('Fil', { exact: true })
      .setInputFiles(
        csv(
          'enheter.csv',
          'Namn;Typ;Överordnad\nKommunstyrelsen;Nämnd;Sjöbo kommun\nSocialnämnden;Nämnd;Sjöbo kommun\nSocialförvaltningen;Förvaltning;Socialnämnden\n',
        ),
      );
    await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
    await admin
      .getByRole('row', { name: /Socialförvaltningen/ })
      .getByText('Skapas')
      .waitFor();
    await confirm.click();
    await admin.getByRole('status').filter({ hasText: 'Enheterna är importerade. Nya: 3' }).waitFor();
    await admin.getByRole('radio', { name: 'Personer och roller' }).check();
    await admin
      .getByLabel('Fil', { exact: true })
      .setInputFiles(
        csv(
          'personer.csv',
          'Namn;E-post;Titel;Enhet;Roll\nCecilia Berg;cecilia.berg@sjobo.example;Kvalitetsutvecklare;Socialförvaltningen;Läsare\n',
        ),
      );
    await admin.getByRole('button', { name: 'Förhandsgranska' }).click();
    await admin.getByRole('row', { name: /Cecilia Berg/ }).waitFor();
    await confirm.click();
    await admin.getByRole('status').filter({ hasText: 'Personerna och rollerna är importerade' }).waitFor();

    await configureProvider(admin);
    await admin.context().close();

    // The coordinator signs in through the provider and lands in Uppsikt with the mapped role.
    const cecilia = await newPage();
    await signInThroughProvider(cecilia, 'cecilia');
    await cecilia.getByText('Inloggad som Cecilia Berg, Sjöbo kommun').waitFor();
    const roles = await cecilia.evaluate(async () => {
      const me = (await (await fetch('/api/v1/me')).json()) as { roles: { role: string; unitName: string }[] };
      return me.roles.map((role) => `${role.role} ${role.unitName}`).sort();
    });
    expect(roles).toEqual(['coordinator Socialnämnden', 'reader Socialförvaltningen']);

    // … and writes a plan for the nämnd.
    await cecilia.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await cecilia
      .getByRole('link', { name: /^Socialnämnden/ })
      .first()
      .click();
    await cecilia.getByRole('heading', { level: 2, name: 'Planer för Socialnämnden' }).waitFor();
    await cecilia.getByRole('link', { name: 'Ny plan' }).click();
    await cecilia.getByLabel('Namn').fill('Internkontrollplan 2027');
    await cecilia.getByLabel('Från år').fill('2027');
    await cecilia.getByLabel('Till och med år').fill('2027');
    await cecilia.getByRole('button', { name: 'Skapa planen' }).click();
    await cecilia.getByRole('heading', { level: 1, name: 'Internkontrollplan 2027' }).waitFor();
    const seconds = (performance.now() - started) / 1000;
    console.log(`From \`uppsikt tenant create\` to a first plan through OIDC sign-in: ${seconds.toFixed(1)} s`);

    // Signing out ends the provider's session too and comes back to the sign-in page.
    await cecilia.getByRole('button', { name: 'Logga ut' }).click();
    // The provider asks whether to end its session as well (its own page).
    await cecilia.getByRole('button', { name: 'Yes, sign me out' }).click();
    await cecilia.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await cecilia.context().close();
  }, 300_000);

  test('a person whom no rule gives a role is refused, and nothing is created', async () => {
    const page = await newPage();
    await signInThroughProvider(page, 'okand');
    await page.getByRole('alert').getByText('Du är inte upplagd i Uppsikt', { exact: false }).waitFor();
    expect(new URL(page.url()).searchParams.get('sso-fel')).toBe('no_role');
    await checkScreen(page, 'sso-failed-no-role');
    await page.context().close();
  }, 60_000);

  test('an ID token meant for another application is refused', async () => {
    const page = await newPage();
    idp!.misbehaveOnce('wrong-audience');
    await signInThroughProvider(page, 'cecilia');
    await page.getByRole('alert').getByText('kunde inte godtas', { exact: false }).waitFor();
    expect(new URL(page.url()).searchParams.get('sso-fel')).toBe('token_rejected');
    await page.getByRole('link', { name: 'Logga in med Sjöbo kommuns konto' }).waitFor();
    await page.context().close();
  }, 60_000);

  test('an expired ID token is refused', async () => {
    const page = await newPage();
    idp!.misbehaveOnce('expired');
    await signInThroughProvider(page, 'cecilia');
    await page.getByRole('alert').getByText('kunde inte godtas', { exact: false }).waitFor();
    await page.context().close();
  }, 60_000);

  test('the provider’s answer replayed in another browser is refused', async () => {
    const page = await newPage();
    let callback = '';
    page.on('request', (request) => {
      if (request.url().includes('/oidc/callback')) callback = request.url();
    });
    await signInThroughProvider(page, 'cecilia');
    await page.getByText('Inloggad som Cecilia Berg, Sjöbo kommun').waitFor();
    expect(callback).not.toBe('');
    const thief = await newPage();
    await thief.goto(callback);
    await thief.getByRole('alert').getByText('Inloggningen kändes inte igen', { exact: false }).waitFor();
    expect(await thief.getByText('Inloggad som').count()).toBe(0);
    await thief.context().close();
    await page.context().close();
  }, 60_000);
});

/**
 * In the administration screens: sign-in through the municipality's provider, checked with a test
 * sign-in, and a rule, previewed first: the coordinators' group gets samordnare on Socialnämnden.
 */
async function configureProvider(admin: Page) {
  await admin.goto(`${server!.url}/administration/inloggning`);
  await admin.getByRole('heading', { level: 1, name: 'Inloggning via identitetsleverantör' }).waitFor();
  const added = admin.getByRole('region', { name: 'Lägg till ett inloggningssätt' });
  await added.getByLabel('Namn', { exact: true }).fill('Sjöbo kommuns konto');
  await added.getByLabel('Kortnamn').fill('sjobo-konto');
  await added.getByLabel('Utfärdarens adress (issuer)').fill(idp!.issuer);
  await added.getByLabel('Klient-id (client id)').fill('uppsikt-sjobo');
  await added.getByLabel('Klienthemlighet (client secret)').fill(CLIENT_SECRET);
  await added.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Sjöbo kommuns konto är tillagt.' }).waitFor();
  const card = admin.getByRole('region', { name: 'Sjöbo kommuns konto' });
  await card.getByText(`${server!.url}/sso/${SLUG}/sjobo-konto/oidc/callback`, { exact: true }).waitFor();

  await admin.getByRole('link', { name: 'Regler för roller' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Regler för roller vid inloggning' }).waitFor();
  const rule = admin.getByRole('region', { name: 'Ny regel' });
  await rule.getByLabel('Värde', { exact: true }).fill('IK-Samordnare-SOC');
  await rule.getByLabel('Roll', { exact: true }).selectOption({ label: 'Samordnare' });
  await rule.getByLabel('Enhet', { exact: true }).selectOption({ label: '\u00a0\u00a0Socialnämnden' });
  await rule.getByRole('button', { name: 'Förhandsgranska' }).click();
  await rule.getByText('Ingen som har loggat in hittills skulle få rollen.').waitFor();
  await rule.getByRole('button', { name: 'Lägg till regeln' }).click();
  await admin.getByRole('row', { name: /IK-Samordnare-SOC/ }).waitFor();

  // A test sign-in as Cecilia shows what the provider sends and the role the rule gives.
  await admin.getByRole('link', { name: 'Tillbaka till inloggningssätten' }).click();
  await card.getByRole('button', { name: 'Testa inloggningen via Sjöbo kommuns konto' }).click();
  await admin.waitForURL((url) => url.origin === idp!.issuer, { waitUntil: 'domcontentloaded' });
  await signInAtProvider(admin, 'cecilia');
  await admin.getByRole('heading', { level: 1, name: 'Resultat av testinloggningen' }).waitFor();
  await admin.getByText('Samordnare på Socialnämnden').waitFor();
}
