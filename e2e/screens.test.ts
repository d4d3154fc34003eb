import { describe, expect, test } from 'vitest';
import { axeViolations } from './support/browser.ts';
import { PASSWORD, checkScreen, signIn as signInAs, useBrowserSession } from './support/session.ts';
import type { Page } from 'playwright-core';

// The screens as users meet them, in Debian's Chromium against the built server with the demo
// data. Every screen is scanned with axe (WCAG 2.1 A and AA) and must reflow at 320 px.

const session = useBrowserSession();
const newPage = (width?: number) => session.newPage(width);
const signIn = (page: Page, email: string) => signInAs(session, page, email);

describe('screens', () => {
  test('sign-in: wrong password names the problem; the keyboard alone signs in, starting at the skip link', async () => {
    const page = await newPage();
    await page.goto(`${session.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await checkScreen(page, 'sign-in');

    await page.getByLabel('E-postadress').fill('samordnare@malmo.example');
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/lösenord/i);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${session.url}/logga-in`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe(
      'Hoppa till innehållet',
    );
    await page.getByLabel('E-postadress').focus();
    await page.keyboard.type('samordnare@malmo.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor();
    await page.context().close();
  });

  test('Mitt arbete lists what the person answers for, overdue first, with status in text', async () => {
    const page = await newPage();
    await signIn(page, 'anders.pettersson@exempelkommun-b.example');
    const table = page.getByRole('table');
    await table.waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    await expect.poll(() => rows.nth(1).textContent()).toContain('Försenad');
    await checkScreen(page, 'my-work');
    await page.context().close();
  });

  test('a reader goes from the organisation tree to a plan, filters by a matrix cell and back', async () => {
    const page = await newPage();
    await signIn(page, 'admin@exempelkommun-b.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await page.getByRole('link', { name: /^Utbildningsnämnden/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Planer för Utbildningsnämnden' }).waitFor();
    await checkScreen(page, 'organisation');

    // The unit's functions: add one and name who holds it from today.
    const functions = page.getByRole('form', { name: 'Ny funktion' });
    await functions.getByRole('textbox', { name: 'Funktion' }).fill('Ekonomichef');
    await functions.getByRole('button', { name: 'Lägg till funktion' }).click();
    await page.getByText('Funktionen Ekonomichef är tillagd.').waitFor();
    const holderForm = page.getByRole('form', { name: 'Ange innehavare' });
    await holderForm.getByRole('combobox', { name: 'Innehavare' }).selectOption({ index: 1 });
    await holderForm.getByRole('button', { name: 'Spara innehavare' }).click();
    await page.getByText('Innehavaren av Ekonomichef är sparad.').waitFor();
    await checkScreen(page, 'organisation-functions');

    await page.getByRole('link', { name: 'Internkontrollplan 2020' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internkontrollplan 2020' }).waitFor();
    const matrix = page.getByRole('table', { name: /Antal risker per sannolikhet och konsekvens/ });
    await matrix.waitFor();
    await checkScreen(page, 'plan');

    const riskRows = page.getByRole('table', { name: 'Risker', exact: true }).getByRole('row');
    const allRisks = (await riskRows.count()) - 1;
    const cell = matrix.getByRole('link', { name: /^[1-9]\d* risk/ }).first();
    const inCell = Number((await cell.textContent())!.trim().split(' ')[0]);
    await cell.click();
    await page.getByText(/^Visar risker med sannolikhet/).waitFor();
    await expect.poll(async () => (await riskRows.count()) - 1).toBe(inCell);
    expect(inCell).toBeLessThan(allRisks);
    await page.getByRole('link', { name: 'Visa alla risker' }).click();
    await expect.poll(async () => (await riskRows.count()) - 1).toBe(allRisks);
    await page.context().close();
  });

  test('the overview narrowed to a process, and a plan’s risks grouped by process', async () => {
    const page = await newPage();
    await signIn(page, 'admin@exempelkommun-b.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Översikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommunstyrelsens översikt' }).waitFor();
    await page.getByRole('combobox', { name: 'Process/område' }).selectOption({ label: 'Personal' });
    await page.getByText(/^Visar bara riskerna inom det valda/).waitFor();
    expect(new URL(page.url()).searchParams.get('process')).not.toBeNull();
    await checkScreen(page, 'overview-narrowed');

    await page.goto(`${session.url}/organisation`);
    await page
      .getByRole('link', { name: /^Utbildningsnämnden/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Internkontrollplan 2020' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internkontrollplan 2020' }).waitFor();
    await page.getByRole('combobox', { name: 'Gruppera riskerna' }).selectOption({ label: 'Per process' });
    const risks = page.getByRole('table', { name: 'Risker', exact: true });
    await expect.poll(() => risks.locator('tr.table-group').count()).toBeGreaterThan(0);
    await checkScreen(page, 'plan-grouped');
    await page.context().close();
  });

  test('the language switches to English and back, and the choice survives a reload', async () => {
    const page = await newPage();
    await signIn(page, 'samordnare@malmo.example');
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await page.getByRole('link', { name: 'Organisation' }).first().click();
    await page.getByText('The units of the organisation and their plans by year.').waitFor();
    await checkScreen(page, 'organisation-en');
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.getByText('Organisationens enheter och deras planer per år.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.context().close();
  });

  test('the aktivitetsplan shows numbered activities with sub-activities, tags, performers and the follow-up', async () => {
    const page = await newPage();
    await signIn(page, 'admin@malmo.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('link', { name: /^Gymnasie- och vuxenutbildningsförvaltningen/ }).click();
    await page.getByRole('link', { name: 'Aktivitetsplan för kompetensförsörjning 2020–2021' }).click();
    await page.getByRole('heading', { level: 2, name: 'Aktiviteter' }).waitFor();
    await page.getByRole('heading', { level: 3, name: /^1 Utveckla förvaltningens arbete med VFU/ }).waitFor();
    await page
      .getByRole('list', { name: 'Delaktiviteter till 1' })
      .getByText(/^1\.1 Utveckla ett systematiskt arbete/)
      .waitFor();
    await page.getByText('Attrahera & rekrytera').first().waitFor();
    await page.getByRole('heading', { level: 4, name: 'Uppföljning & utvärdering – Helår 2021' }).first().waitFor();
    await checkScreen(page, 'activity-plan');
    await page.context().close();
  });

  test('the goals of a unit: a coordinator adds one for the year, with indicator and target', async () => {
    const page = await newPage();
    await signIn(page, 'admin@malmo.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mål' }).waitFor();
    await page.getByText('Nytt mål').click();
    const form = page.getByRole('region', { name: 'Nytt mål' });
    await form.getByRole('textbox', { name: 'Mål', exact: true }).fill('Nöjda medborgare');
    await form.getByRole('textbox', { name: 'Indikator' }).fill('Medborgarundersökningen');
    await form.getByRole('textbox', { name: 'Målvärde' }).fill('Minst 70 %');
    await form.getByRole('button', { name: 'Lägg till målet' }).click();
    await page.getByRole('heading', { level: 3, name: 'Nöjda medborgare' }).waitFor();
    await checkScreen(page, 'goals');
  });

  test('the lists of deviations and reviews filter by unit, state and year', async () => {
    const page = await newPage();
    await signIn(page, 'admin@malmo.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Granskningar' }).waitFor();
    await page.getByText('8 träffar').waitFor();
    await page.getByText('GRF-2020-11639').waitFor();
    await checkScreen(page, 'reviews');
    await page.getByLabel('År').selectOption('2021');
    await page.getByText('0 träffar').waitFor();

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Avvikelser' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avvikelser' }).waitFor();
    await page.getByRole('status').filter({ hasText: /träff/ }).waitFor();
    await checkScreen(page, 'deviations');
    await page.getByLabel('Läge').selectOption({ label: 'Åtgärdad' });
    await expect.poll(() => page.url()).toContain('lage=closed');
    // Severities are the tenant's own; the filter names one by its id.
    await page.getByLabel('Allvarlighet').selectOption({ label: 'Mycket väsentlig' });
    await expect.poll(() => page.url()).toMatch(/allvarlighet=[0-9a-f-]{36}/);
    await page.context().close();
  });

  test('a risk page shows its controls and actions with follow-ups; the history shows who changed what', async () => {
    const page = await newPage();
    await signIn(page, 'admin@exempelkommun-b.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('link', { name: /^Utbildningsnämnden/ }).click();
    await page.getByRole('link', { name: 'Internkontrollplan 2020' }).click();
    await page
      .getByRole('table', { name: 'Risker', exact: true })
      .getByRole('link', { name: 'Låg sysselsätting' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Låg sysselsätting' }).waitFor();
    await page
      .getByRole('list', { name: 'Uppföljningar' })
      .first()
      .getByText('Kvartal 1 2020', { exact: true })
      .waitFor();
    // The risk's structured fields, and each control's method, frequency and recipients.
    await page
      .getByRole('term')
      .filter({ hasText: /^Process\/område$/ })
      .waitFor();
    await page
      .getByRole('term')
      .filter({ hasText: /^Hantering av risken$/ })
      .waitFor();
    await page
      .getByRole('term')
      .filter({ hasText: /^Frekvens$/ })
      .first()
      .waitFor();
    await page
      .getByRole('term')
      .filter({ hasText: /^Rapporteras till$/ })
      .first()
      .waitFor();
    await checkScreen(page, 'risk');
    await page.getByRole('link', { name: 'Historik', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Historik' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /seed:demo · skapad/ }).waitFor();
    await checkScreen(page, 'history');
    await page.context().close();
  });

  test('with the keyboard alone a responsible person opens a form from Mitt arbete, writes and saves, with focus visible', async () => {
    const page = await newPage();
    await signIn(page, 'anders.pettersson@exempelkommun-b.example');
    // The first on the page: the seed plan's action, overdue, heads the list to follow up.
    const link = page.getByRole('link', { name: 'Skriv uppföljning för Samverkan' }).first();
    await link.waitFor();
    // Tab from the top of the page until the link has focus, as a keyboard user would.
    await page.keyboard.press('Tab');
    for (
      let presses = 0;
      presses < 200 && !(await link.evaluate((element) => element === element.ownerDocument.activeElement));
      presses++
    )
      await page.keyboard.press('Tab');
    expect(
      await link.evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).outlineStyle),
    ).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Uppföljning: / }).waitFor();
    // The heading has focus after the navigation; the next stops are the period and the editor's buttons.
    expect(await page.evaluate<string | undefined>('document.activeElement?.tagName')).toBe('H1');
    const body = page.getByLabel('Uppföljning', { exact: true });
    for (
      let presses = 0;
      presses < 30 && !(await body.evaluate((element) => element === element.ownerDocument.activeElement));
      presses++
    )
      await page.keyboard.press('Tab');
    await page.keyboard.type('Skolbevakningen fungerade under hösten.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(
      await page.getByLabel('Status nu').getAttribute('id'),
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('main').getByText('Skolbevakningen fungerade under hösten.').waitFor();
    await page.context().close();
  });

  test('a person changes their own password: a wrong current one is named, the new one signs in, the other browser is signed out', async () => {
    const other = await newPage();
    await signIn(other, 'admin@exempelkommun-a.example');
    const page = await newPage();
    await signIn(page, 'admin@exempelkommun-a.example');
    await page.getByRole('link', { name: 'Byt lösenord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
    await checkScreen(page, 'change-password');

    await page.getByLabel('Nuvarande lösenord').fill('inte-det-här-lösenordet');
    await page.getByLabel('Nytt lösenord').fill('ett-nytt-långt-lösenord');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByRole('alert').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Nuvarande lösenord').fill(PASSWORD);
    await page.getByLabel('Nytt lösenord').fill('ett-nytt-långt-lösenord');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    // Hashing the new password (argon2) takes seconds on a busy two-core machine.
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 })
      .toContain('Lösenordet är bytt');
    await checkScreen(page, 'change-password-done');

    // The other browser's session ended with the change.
    await other.goto(`${session.url}/`);
    await other.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await other.getByLabel('E-postadress').fill('admin@exempelkommun-a.example');
    await other.getByLabel('Lösenord').fill('ett-nytt-långt-lösenord');
    await other.getByRole('button', { name: 'Logga in' }).click();
    await other.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor();
    await other.context().close();
    await page.context().close();
  });

  test('the accessibility statement and an unknown address are open without signing in', async () => {
    const page = await newPage();
    await page.goto(`${session.url}/tillganglighet`);
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tillsyn' }).waitFor();
    await checkScreen(page, 'accessibility-statement');
    await signIn(page, 'samordnare@malmo.example');
    await page.goto(`${session.url}/finns-inte`);
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte.' }).waitFor();
    await checkScreen(page, 'not-found');
    await page.context().close();
  });
});
