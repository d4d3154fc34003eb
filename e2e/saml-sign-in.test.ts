import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openDatabase } from '../src/server/db/client.ts';
import { identityProviders, roleMappingRules } from '../src/server/db/schema/identity-providers.ts';
import { orgUnits } from '../src/server/db/schema/org-units.ts';
import { tenants } from '../src/server/db/schema/tenants.ts';
import { samlServiceProvider } from '../src/server/sso/saml.ts';
import { settingsFromIdpMetadata } from '../src/server/sso/saml-metadata.ts';
import { SAML_IDP_USERS, startSamlIdp, type SamlIdp } from '../test/support/saml-idp.ts';
import { keepScreenshot, launchBrowser } from './support/browser.ts';
import { checkScreen } from './support/session.ts';
import { startBuiltServer, type RunningServer } from './support/server.ts';

// Malmö signs in through its own SAML identity provider: a real SimpleSAMLphp, whose login
// form the browser fills in and whose page posts the signed response back to Uppsikt. The
// provider and a rule (IK-Samordnare coordinate Grundskolenämnden) are written into the demo
// data folder before the built server opens it.

const PROVIDER = 'malmo-konto';

let idp: SamlIdp;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let dataDir = '';

beforeAll(async () => {
  idp = await startSamlIdp();
  dataDir = mkdtempSync(join(tmpdir(), 'uppsikt-e2e-saml-'));
  cpSync(inject('e2eDemoDataDir'), dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  try {
    const { db } = database;
    const [malmo] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'malmo'));
    const [school] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, malmo!.id), eq(orgUnits.name, 'Grundskolenämnden')));
    const settings = await settingsFromIdpMetadata(await idp.metadataXml(), { metadataUrl: idp.metadataUrl });
    const [provider] = await db
      .insert(identityProviders)
      .values({
        tenantId: malmo!.id,
        protocol: 'saml',
        name: 'Malmö stads konto',
        slug: PROVIDER,
        settings: { ...settings, attributes: { email: 'email', name: 'displayName', groups: 'groups' } },
      })
      .returning({ id: identityProviders.id });
    await db.insert(roleMappingRules).values({
      tenantId: malmo!.id,
      providerId: provider!.id,
      claim: 'groups',
      value: 'IK-Samordnare',
      role: 'coordinator',
      unitId: school!.id,
    });
  } finally {
    await database.close();
  }
  [server, browser] = await Promise.all([startBuiltServer({ DATABASE_URL: '', DATA_DIR: dataDir }), launchBrowser()]);
  idp.registerServiceProvider(samlServiceProvider(server.url, { tenantSlug: 'malmo', slug: PROVIDER }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('signing in through the organisation’s SAML identity provider', () => {
  test('a person new to Uppsikt signs in at the IdP and comes back signed in, with the role their group gives', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // The link the municipality puts on its intranet: Uppsikt's sign-in page for Malmö.
    await page.goto(`${server!.url}/logga-in?organisation=malmo&next=/arshjul`);
    await page.getByRole('heading', { level: 2, name: 'Logga in med ditt konto i Malmö stad' }).waitFor();
    await checkScreen(page, 'sign-in-with-provider');
    await page.getByRole('link', { name: 'Logga in med Malmö stads konto' }).click();

    // SimpleSAMLphp's own login form.
    expect(new URL(page.url()).origin).toBe(new URL(idp.ssoUrl).origin);
    await page.getByLabel('Username').fill(SAML_IDP_USERS.anna.username);
    await page.getByLabel('Password').fill(SAML_IDP_USERS.anna.password);
    await keepScreenshot(page, 'saml-idp-login');
    await page.getByRole('button', { name: 'Login' }).click();

    // The IdP's page posts the signed response to Uppsikt, which signs her in and goes where she was going.
    await page.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/arshjul');
    await page.getByText('Inloggad som Anna Berg, Malmö stad').waitFor();
    await keepScreenshot(page, 'saml-signed-in');

    // Her role came from the rule: she coordinates Grundskolenämnden.
    const me = await page.evaluate(() => fetch('/api/v1/me').then((response) => response.json()));
    expect(JSON.stringify(me)).toContain('coordinator');
    await context.close();
  });
});
