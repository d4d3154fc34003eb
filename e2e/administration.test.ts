import { describe, expect, test } from 'vitest';
import { startOidcProvider } from '../test/support/oidc-provider.ts';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// The administrator's screens: people and roles, the risk matrix, statuses, lists and terms and the årshjul.

const session = useBrowserSession();

describe('administration', () => {
  test('an administrator adds a person, gives a role, edits the risk matrix and a status, and adds a period to the årshjul', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@malmo.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Användare och roller' }).waitFor();
    await checkScreen(page, 'admin-users');

    const added = page.getByRole('region', { name: 'Ny person' });
    await added.getByLabel('Namn', { exact: true }).fill('Karin Lund');
    await added.getByLabel('Befattning').fill('Controller');
    await added.getByRole('button', { name: 'Lägg till personen' }).click();
    await page.getByText('Karin Lund är tillagd.').waitFor();
    const role = page.getByRole('region', { name: 'Ge en roll' });
    await role.getByLabel('Person', { exact: true }).selectOption({ label: 'Karin Lund' });
    await role.getByLabel('Roll', { exact: true }).selectOption({ label: 'Samordnare' });
    await role.getByLabel('Enhet', { exact: true }).selectOption({ label: '\u00a0\u00a0Grundskolenämnden' });
    await role.getByRole('button', { name: 'Ge rollen' }).click();
    const row = page.getByRole('row', { name: /Karin Lund/ });
    await row.getByText('Samordnare, Grundskolenämnden').waitFor();
    const edit = page.getByRole('region', { name: 'Ändra en person' });
    await edit.getByLabel('Person').selectOption({ label: 'Karin Lund' });
    await edit.getByLabel('E-postadress').fill('karin.lund@malmo.example');
    await edit.getByLabel('Nytt lösenord').fill('kort');
    await edit.getByRole('button', { name: 'Spara Karin Lund' }).click();
    await edit.getByText(/12/).first().waitFor();
    await edit.getByLabel('Nytt lösenord').fill('ett-långt-lösenord-för-karin');
    await edit.getByRole('button', { name: 'Spara Karin Lund' }).click();
    await row.getByText('karin.lund@malmo.example').waitFor();

    await page
      .getByRole('navigation', { name: 'Administrationens delar' })
      .getByRole('link', { name: 'Riskmatris' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Riskmatris' }).waitFor();
    await checkScreen(page, 'admin-risk-matrix');
    // Bands that leave a risk value uncovered are refused with the API's message.
    await page.getByLabel('Band 4 till och med riskvärde').fill('15');
    await page.getByRole('button', { name: 'Spara riskmatrisen' }).click();
    await page
      .getByRole('alert')
      .getByText(/Riskvärde 16 ska ligga i exakt ett färgband/)
      .first()
      .waitFor();
    await page.getByLabel('Band 4 till och med riskvärde').fill('16');
    await page.getByLabel('Namn på band 4').fill('Kritisk');
    await page.getByRole('button', { name: 'Spara riskmatrisen' }).click();
    await page
      .getByRole('table', { name: 'Antal risker per sannolikhet och konsekvens.' })
      .getByText('Kritisk')
      .first()
      .waitFor();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);

    await page
      .getByRole('navigation', { name: 'Administrationens delar' })
      .getByRole('link', { name: 'Statusar' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Statusar' }).waitFor();
    await checkScreen(page, 'admin-statuses');
    const newStatus = page.getByRole('form', { name: 'Ny status' });
    await newStatus.getByLabel('Nyckel').fill('vilande');
    await newStatus.getByLabel('Namn på svenska').fill('Vilande');
    await newStatus.getByLabel('Namn på engelska').fill('Dormant');
    await newStatus.getByLabel('Symbol').selectOption({ label: 'Paus' });
    await newStatus.getByRole('button', { name: 'Lägg till statusen' }).click();
    await page.getByRole('button', { name: 'Spara Vilande' }).waitFor();

    await page
      .getByRole('navigation', { name: 'Administrationens delar' })
      .getByRole('link', { name: 'Årshjul' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();
    await page.getByLabel('År', { exact: true }).selectOption('2020');
    await page.getByRole('heading', { level: 2, name: 'Rapporteringsperioder 2020' }).waitFor();
    await checkScreen(page, 'admin-calendar');
    const newPeriod = page.getByRole('form', { name: 'Ny rapporteringsperiod' });
    await newPeriod.getByLabel('Slag').selectOption({ label: 'Delår' });
    await newPeriod.getByRole('button', { name: 'Lägg till perioden' }).click();
    await page
      .getByRole('region', { name: 'Rapporteringsperioder 2020' })
      .getByText(/^Delår 2020/)
      .waitFor();

    // A meeting of the year: added, then its agenda changed.
    const newEvent = page.getByRole('region', { name: 'Nytt sammanträde eller tidsgräns 2020' });
    await newEvent.getByLabel('Datum').fill('2020-10-20');
    await newEvent.getByLabel('Rubrik').fill('Grundskolenämndens sammanträde');
    await newEvent.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByText('Ändra Grundskolenämndens sammanträde').click();
    const editEvent = page.getByRole('region', { name: 'Ändra Grundskolenämndens sammanträde' });
    await editEvent.getByLabel('Att diskutera', { exact: true }).fill('- Uppföljning av internkontrollplanen');
    await editEvent.getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('region', { name: 'Sammanträden och tidsgränser 2020' })
      .getByRole('listitem')
      .filter({ hasText: 'Uppföljning av internkontrollplanen' })
      .first()
      .waitFor();

    await page
      .getByRole('navigation', { name: 'Administrationens delar' })
      .getByRole('link', { name: 'Fokusområden' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Fokusområden' }).waitFor();
    await page.getByLabel('Nytt fokusområde').fill('Leda & styra');
    await page.getByRole('button', { name: 'Lägg till fokusområdet' }).click();
    await page.getByLabel('Namn på Leda & styra').waitFor();
    await checkScreen(page, 'admin-focus-areas');
    await page.context().close();
  });

  test('an administrator reads the lists and terms, adds a control method, changes its years and archives it', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@malmo.example');
    await page.goto(`${session.url}/administration/statusar`);
    await page
      .getByRole('navigation', { name: 'Administrationens delar' })
      .getByRole('link', { name: 'Val och begrepp' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Val och begrepp' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Avvikelsers allvarlighetsgrad' }).waitFor();
    await checkScreen(page, 'admin-vocabularies');

    const methods = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Kontrollmetoder' }) });
    await methods.getByText('Ny kontrollmetod').click();
    const added = methods.getByRole('region', { name: 'Ny kontrollmetod' });
    await added.getByLabel('Namn på svenska').fill('Registerkontroll');
    await added.getByLabel('Namn på engelska').fill('Register check');
    await added.getByRole('button', { name: 'Lägg till' }).click();
    const row = methods.getByRole('row', { name: /^Registerkontroll/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'Ändra Registerkontroll' }).click();
    const edit = methods.getByRole('region', { name: 'Ändra Registerkontroll' });
    await edit.getByLabel('Första år').fill('2027');
    await edit.getByLabel('Sista år').fill('2026');
    await edit.getByRole('button', { name: 'Spara Registerkontroll' }).click();
    await edit
      .getByRole('alert')
      .getByText(/Sista året \(2026\) ligger före första året \(2027\)/)
      .first()
      .waitFor();
    await checkScreen(page, 'admin-vocabularies-edit');
    await edit.getByLabel('Sista år').fill('');
    await edit.getByRole('button', { name: 'Spara Registerkontroll' }).click();
    await row.getByText('Från 2027').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Arkivera Registerkontroll' }).click();
    await row.getByRole('button', { name: 'Återställ Registerkontroll' }).waitFor();
    await row.getByText('Arkiverad').waitFor();
    await page.context().close();
  });

  test('an administrator adds, renames and archives a unit, and creates and revokes an API token', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@malmo.example');
    await page.goto(`${session.url}/administration/organisation`);
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    const added = page.getByRole('region', { name: 'Ny enhet' });
    await added.getByLabel('Ligger under').selectOption({ label: '\u00a0\u00a0\u00a0\u00a0Grundskoleförvaltningen' });
    await added.getByLabel('Namn').fill('Rosengårdsskolan');
    await added.getByRole('button', { name: 'Lägg till enheten' }).click();
    const change = page.getByRole('region', { name: 'Ändra en enhet' });
    await change
      .getByLabel('Enhet', { exact: true })
      .selectOption({ label: '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Rosengårdsskolan' });
    await checkScreen(page, 'admin-units');
    await change.getByLabel('Namn').fill('Rosengårdsskolan F–9');
    await change.getByRole('button', { name: 'Spara Rosengårdsskolan' }).click();
    await change.getByRole('button', { name: 'Arkivera Rosengårdsskolan F–9' }).click();
    await change.getByRole('button', { name: 'Återställ Rosengårdsskolan F–9' }).waitFor();

    await page
      .getByRole('navigation', { name: 'Administrationens delar' })
      .getByRole('link', { name: 'API-nycklar' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'API-nycklar' }).waitFor();
    await page.getByLabel('Vad nyckeln är till för').fill('Power BI');
    await page.getByRole('button', { name: 'Skapa nyckeln' }).click();
    const secret = await page
      .getByRole('status')
      .filter({ hasText: 'Nyckeln Power BI är skapad.' })
      .locator('code')
      .textContent();
    const reply = await fetch(`${session.url}/api/v1/plans`, { headers: { authorization: `Bearer ${secret}` } });
    expect(reply.status).toBe(200);
    await checkScreen(page, 'admin-tokens');
    await page.getByRole('button', { name: 'Återkalla Power BI' }).click();
    await page
      .getByRole('row', { name: /Power BI/ })
      .getByText('Återkallad')
      .waitFor();
    expect(
      (await fetch(`${session.url}/api/v1/plans`, { headers: { authorization: `Bearer ${secret}` } })).status,
    ).toBe(401);
    await page.context().close();
  });

  test('an administrator creates a SCIM token for the directory, sees the groups it provisions, and revokes the token', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@exempelkommun-b.example');
    await page.goto(`${session.url}/administration/anvandare`);
    await page
      .getByRole('navigation', { name: 'Administrationens delar' })
      .getByRole('link', { name: 'Katalogsynkronisering (SCIM)' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Katalogsynkronisering (SCIM)' }).waitFor();
    await page.getByText('Ingen SCIM-nyckel är skapad än.').waitFor();
    await checkScreen(page, 'admin-directory-empty');

    await page.getByRole('button', { name: 'Skapa en SCIM-nyckel' }).click();
    const panel = page.getByRole('region', { name: 'SCIM-nyckeln är skapad' });
    const secret = await panel.getByLabel('Hemlig token (Secret Token)').inputValue();
    const baseUrl = await panel.getByLabel('SCIM-adress').inputValue();
    expect(secret).toMatch(/^scim_/);
    expect(baseUrl).toBe(`${session.url}/scim/v2`);
    // The directory provisions a person and a group with the token.
    const scim = (path: string, body?: unknown) =>
      fetch(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const person = await scim('/Users', {
      userName: 'karin.ek@exempelkommun-b.example',
      displayName: 'Karin Ek',
      active: true,
    });
    expect(person.status).toBe(201);
    const { id } = (await person.json()) as { id: string };
    expect((await scim('/Groups', { displayName: 'IK-Samordnare UBN', members: [{ value: id }] })).status).toBe(201);
    await checkScreen(page, 'admin-directory-token');

    await panel.getByRole('button', { name: 'Stäng nyckeln' }).click();
    await page.reload();
    const groups = page.getByRole('table', { name: 'Katalogens grupper' });
    await groups
      .getByRole('row', { name: /IK-Samordnare UBN/ })
      .getByRole('cell', { name: '1', exact: true })
      .waitFor();
    await page.getByRole('button', { name: /^Återkalla scim_/ }).click();
    await page.getByRole('button', { name: 'Ja, återkalla' }).waitFor();
    await checkScreen(page, 'admin-directory-revoke');
    await page.getByRole('button', { name: 'Ja, återkalla' }).click();
    await page
      .getByRole('row', { name: /scim_/ })
      .getByText(/^Återkallad/)
      .waitFor();
    expect((await scim('/Users')).status).toBe(401);
    await page.context().close();
  });

  test('an administrator imports units and then people from CSV files: a row with an error stops the import until the file is corrected', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@exempelkommun-a.example');
    await page.goto(`${session.url}/administration/organisation`);
    await page
      .getByRole('navigation', { name: 'Administrationens delar' })
      .getByRole('link', { name: 'Importera' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Importera organisation' }).waitFor();
    await checkScreen(page, 'admin-import');

    const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    const confirm = page.getByRole('button', { name: 'Genomför importen' });
    await page
      .getByLabel('Fil', { exact: true })
      .setInputFiles(
        csv(
          'enheter.csv',
          'Namn;Typ;Överordnad;Kod\nKullaskolan;Enhet;Barn- och utbildningsförvaltningen;KUL\nOkända skolan;Enhet;Skolförvaltningen;\n',
        ),
      );
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('heading', { level: 2, name: 'Förhandsgranskning av enheter.csv' }).waitFor();
    const rows = page.getByRole('table', { name: 'Raderna i filen och vad importen gör med dem' }).getByRole('row');
    await expect.poll(() => rows.nth(1).textContent()).toContain('Okända skolan');
    expect(await rows.nth(1).textContent()).toContain('Fel');
    expect(await confirm.isDisabled()).toBe(true);
    await checkScreen(page, 'admin-import-preview-errors');

    await page
      .getByLabel('Fil', { exact: true })
      .setInputFiles(
        csv('enheter.csv', 'Namn;Typ;Överordnad;Kod\nKullaskolan;Enhet;Barn- och utbildningsförvaltningen;KUL\n'),
      );
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page
      .getByRole('row', { name: /Kullaskolan/ })
      .getByText('Skapas')
      .waitFor();
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Enheterna är importerade. Nya: 1' }).waitFor();

    await page.getByRole('radio', { name: 'Personer och roller' }).check();
    await page
      .getByLabel('Fil', { exact: true })
      .setInputFiles(
        csv(
          'personer.csv',
          'Namn;E-post;Titel;Enhet;Roll\nLisa Ek;lisa.ek@exempelkommun-a.example;Rektor;Kullaskolan;Ansvarig\n',
        ),
      );
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page
      .getByRole('row', { name: /Lisa Ek/ })
      .getByText('Ny roll: Ansvarig – Kullaskolan')
      .waitFor();
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Personerna och rollerna är importerade' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Administrationens delar' })
      .getByRole('link', { name: 'Användare och roller' })
      .click();
    await page
      .getByRole('row', { name: /Lisa Ek/ })
      .getByText('Ansvarig, Kullaskolan')
      .waitFor();
    await page.context().close();
  });

  test('an administrator connects an OpenID provider, previews and adds a rule for roles, and tests the sign-in at the provider', async () => {
    // A real OpenID provider (oidc-provider, with its development sign-in form) on this machine.
    const callback = `${session.url}/sso/malmo/kommunkonto/oidc/callback`;
    const idp = await startOidcProvider({
      accounts: [{ login: 'bertil', email: 'bertil@malmo.example', name: 'Bertil Berg', groups: ['IK-Samordnare'] }],
      clients: [{ clientId: 'uppsikt', clientSecret: 'klienthemlighet-hos-leverantoren', redirectUris: [callback] }],
    });
    try {
      const page = await session.newPage();
      // The provider's development pages ask for a web font; this machine may have no way out.
      await page.route('https://fonts.googleapis.com/**', (route) => route.abort());
      await signIn(session, page, 'admin@malmo.example');
      await page.goto(`${session.url}/administration/anvandare`);
      await page
        .getByRole('navigation', { name: 'Administrationens delar' })
        .getByRole('link', { name: 'Inloggning', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Inloggning via identitetsleverantör' }).waitFor();
      const added = page.getByRole('region', { name: 'Lägg till ett inloggningssätt' });
      await added.getByLabel('Namn', { exact: true }).fill('Kommunens konto');
      await added.getByLabel('Kortnamn').fill('kommunkonto');
      await added.getByLabel('Utfärdarens adress (issuer)').fill(idp.issuer);
      await added.getByLabel('Klient-id (client id)').fill('uppsikt');
      await added.getByLabel('Klienthemlighet (client secret)').fill('klienthemlighet-hos-leverantoren');
      await added.getByRole('button', { name: 'Lägg till', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Kommunens konto är tillagt.' }).waitFor();
      const card = page.getByRole('region', { name: 'Kommunens konto' });
      await card.getByText(callback, { exact: true }).waitFor();
      await checkScreen(page, 'admin-sign-in');

      await page.getByRole('link', { name: 'Regler för roller' }).click();
      await page.getByRole('heading', { level: 1, name: 'Regler för roller vid inloggning' }).waitFor();
      const rule = page.getByRole('region', { name: 'Ny regel' });
      await rule.getByLabel('Värde', { exact: true }).fill('ik-samordnare');
      await rule.getByLabel('Roll', { exact: true }).selectOption({ label: 'Samordnare' });
      await rule.getByLabel('Enhet', { exact: true }).selectOption({ label: '\u00a0\u00a0Grundskolenämnden' });
      await rule.getByRole('button', { name: 'Förhandsgranska' }).click();
      await rule.getByText('Ingen som har loggat in hittills skulle få rollen.').waitFor();
      await checkScreen(page, 'admin-sign-in-rules');
      await rule.getByRole('button', { name: 'Lägg till regeln' }).click();
      await page.getByRole('row', { name: /ik-samordnare/ }).waitFor();

      // The test sign-in: at the provider as Bertil, and back on the test page; nobody is signed in.
      await page.getByRole('link', { name: 'Tillbaka till inloggningssätten' }).click();
      await card.getByRole('button', { name: 'Testa inloggningen via Kommunens konto' }).click();
      await page.waitForURL((url) => url.origin === idp.issuer, { waitUntil: 'domcontentloaded' });
      await page.locator('input[name="login"]').fill('bertil');
      await page.locator('input[name="password"]').fill('vilket lösenord som helst');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Resultat av testinloggningen' }).waitFor();
      await page.getByText('Samordnare på Grundskolenämnden').waitFor();
      await page
        .getByRole('table', { name: 'Alla uppgifter (claims och attribut)' })
        .getByRole('row', { name: /^groups/ })
        .getByText('IK-Samordnare')
        .waitFor();
      await checkScreen(page, 'admin-sign-in-test');
      await page.context().close();
    } finally {
      await idp.stop();
    }
  });

  test('a person without the administrator role does not see the administration; their overview starts at their nämnd', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    expect(
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).count(),
    ).toBe(0);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Översikt' }).click();
    await page
      .getByRole('table', { name: /^Under Grundskolenämnden/ })
      .getByRole('row', { name: /^Grundskoleförvaltningen/ })
      .waitFor();
    await page.context().close();
  });
});
