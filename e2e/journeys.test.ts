import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// The journeys of the people who use Uppsikt, end to end in Debian's Chromium against the built
// server with the demo data: each screen on the way is scanned with axe, checked at 320 px and
// kept as a screenshot. They run in order on one database; none depends on another's changes.

const session = useBrowserSession();

/** The Organisation screen, then a unit in the tree. */
async function openUnit(page: Page, unit: string) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
  await page
    .getByRole('link', { name: new RegExp(`^${unit}`) })
    .first()
    .click();
  await page.getByRole('heading', { level: 2, name: `Planer för ${unit}` }).waitFor();
}

/** The card of one control or action on a risk page. */
const itemCard = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });

describe('journeys', () => {
  test('1. a coordinator creates a plan, adds a risk with sannolikhet, konsekvens, process and response, a control whose frequency makes its checkpoints, and an action', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    await openUnit(page, 'Grundskolenämnden');
    await page.getByRole('link', { name: 'Ny plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny plan' }).waitFor();
    expect(await page.getByLabel('Enhet').inputValue()).not.toBe('');
    await page.getByLabel('Namn').fill('Internkontrollplan 2027');
    await page.getByLabel('Från år').fill('2027');
    await page.getByLabel('Till och med år').fill('2027');
    await checkScreen(page, 'journey-1-new-plan');
    await page.getByRole('button', { name: 'Skapa planen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internkontrollplan 2027' }).waitFor();
    await page.getByText('Planen är inte beslutad.').waitFor();

    await page.getByRole('link', { name: 'Ny risk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny risk' }).waitFor();
    await page.getByLabel('Risk', { exact: true }).fill('Bristande registrering av frånvaro');
    await page
      .getByLabel('Beskrivning', { exact: true })
      .fill('Frånvaro registreras inte samma dag, vilket leder till att vårdnadshavare inte informeras.');
    await page.getByLabel('Process/område').selectOption({ label: 'Myndighetsutövning' });
    await page.getByLabel('Riskkategori').selectOption({ label: 'Verksamhetsrisk' });
    await page.getByLabel('Orsak', { exact: true }).fill('Rutinen för registrering är inte känd av alla lärare.');
    await page.getByLabel('Riskägare').selectOption({ label: 'Samordnare Grundskolenämnden (demo)' });
    await page.getByLabel('Sannolikhet').selectOption('3');
    await page.getByLabel('Konsekvens').selectOption('4');
    await page.getByText('Riskvärde: 12').waitFor();
    await page.getByLabel('Hantering av risken').selectOption({ label: 'Kontrollera' });
    await page
      .getByLabel('Motivering till hanteringen', { exact: true })
      .fill('Högt riskvärde; följs med stickprov under året.');
    await page.getByLabel('Lagar, regler och styrdokument').fill('Skollagen 7 kap. 17 §');
    await checkScreen(page, 'journey-1-new-risk');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bristande registrering av frånvaro' }).waitFor();
    const facts = page.locator('dl.facts').first();
    expect(await facts.textContent()).toContain('Myndighetsutövning');
    expect(await facts.textContent()).toContain('Verksamhetsrisk');
    expect(await facts.textContent()).toContain('Kontrollera');
    expect(await facts.textContent()).toContain('Skollagen 7 kap. 17 §');
    await page.getByText('Högt riskvärde; följs med stickprov under året.').waitFor();
    // The assessment is kept for the plan's year, with who made it.
    await page
      .getByRole('table', { name: 'Bedömningar' })
      .getByRole('row', { name: /^2027 3 4 12 Kontrollera Samordnare Grundskolenämnden \(demo\)/ })
      .waitFor();

    await page.getByRole('link', { name: 'Nytt kontrollmoment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt kontrollmoment' }).waitFor();
    await page.getByLabel('Rubrik', { exact: true }).fill('Stickprov av frånvaroregistrering');
    await page.getByLabel('Metod', { exact: true }).selectOption({ label: 'Stickprov' });
    await page.getByLabel('Omfattning och urval', { exact: true }).fill('Tio elever per skola och kvartal.');
    await page
      .getByRole('group', { name: 'Ansvarig', exact: true })
      .getByLabel('Lägg till person')
      .selectOption({ label: 'Samordnare Grundskolenämnden (demo)' });
    await page.getByLabel('Start').fill('2027-01-01');
    await page.getByLabel('Slutdatum').fill('2027-12-31');
    // The frequency gives the checkpoints: the end of each quarter of 2027.
    await page.getByLabel('Frekvens', { exact: true }).selectOption({ label: 'Varje kvartal' });
    await page.getByText(/^Ger 4 avstämningsdatum:/).waitFor();
    await page.getByLabel('Tidpunkt för rapportering').fill('I samband med tertialrapporten');
    await page.getByRole('group', { name: 'Rapporteras till' }).getByLabel('Nämnden').check();
    await checkScreen(page, 'journey-1-new-control');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bristande registrering av frånvaro' }).waitFor();
    const control = itemCard(page, 'Kontrollmoment Stickprov av frånvaroregistrering');
    await control.waitFor();
    expect(await control.textContent()).toContain('Samordnare Grundskolenämnden (demo)');
    expect(await control.textContent()).toContain('Stickprov');
    expect(await control.textContent()).toContain('Varje kvartal');
    expect(await control.textContent()).toContain('Nämnden');
    expect(await control.textContent()).toContain('Tio elever per skola och kvartal.');
    // Four checkpoints, one at the end of each quarter.
    const checkpoints = control.locator('dt', { hasText: /^Avstämning$/ }).locator('xpath=following-sibling::dd');
    expect((await checkpoints.textContent())!.split(', ')).toHaveLength(4);

    await page.getByRole('link', { name: 'Ny åtgärd' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny åtgärd' }).waitFor();
    await page.getByLabel('Rubrik', { exact: true }).fill('Påminnelse till mentorer');
    await page.getByLabel('Vad ska göras', { exact: true }).fill('- Skicka påminnelse varje måndag\n- Följ upp på APT');
    await page.getByLabel('Slutdatum').fill('2027-06-30');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bristande registrering av frånvaro' }).waitFor();
    const action = itemCard(page, 'Åtgärd Påminnelse till mentorer');
    await action.getByRole('listitem').filter({ hasText: 'Skicka påminnelse varje måndag' }).waitFor();
    await checkScreen(page, 'journey-1-risk');

    // The plan shows the risk in the matrix cell sannolikhet 3 × konsekvens 4.
    await page.getByRole('link', { name: 'Tillbaka till Internkontrollplan 2027' }).click();
    const matrix = page.getByRole('table', { name: /Antal risker per sannolikhet och konsekvens/ });
    await matrix.waitFor();
    const cell = matrix.getByRole('link', { name: /^1 risk/ });
    // The plan may show what it had in memory for a moment while it fetches the new risk.
    await expect.poll(() => cell.count()).toBe(1);
    await cell.click();
    await page.getByText('Visar risker med sannolikhet 3 och konsekvens 4.').waitFor();
    await page
      .getByRole('table', { name: 'Risker', exact: true })
      .getByRole('link', { name: 'Bristande registrering av frånvaro' })
      .waitFor();
    await page.context().close();
  });

  test('2. a responsible person writes the quarter’s follow-up and changes the status', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'anders.pettersson@exempelkommun-b.example');
    // The seed plan's action; the current-year demo plan has one of the same name.
    await page
      .getByRole('row')
      .filter({ hasText: 'Internkontrollplan 2020' })
      .getByRole('link', { name: 'Skriv uppföljning för Aktiv rekrytering,' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning: Aktiv rekrytering,' }).waitFor();
    await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Kvartal 4 2020' });
    await page
      .getByLabel('Uppföljning', { exact: true })
      .fill('Två nya lärare med legitimation har anställts.\n\n- Matematik\n- Svenska');
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Matematik' }).waitFor();
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByLabel('Status nu').selectOption({ label: 'Genomförd' });
    await checkScreen(page, 'journey-2-follow-up');
    await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Få undervisande lärare med legitimation' }).waitFor();
    const card = itemCard(page, 'Åtgärd Aktiv rekrytering,');
    await card.getByText('Två nya lärare med legitimation har anställts.').waitFor();
    const timeline = card.getByRole('list', { name: 'Uppföljningar' });
    expect(await timeline.getByRole('listitem').first().textContent()).toContain('Kvartal 4 2020');
    expect(await timeline.getByRole('listitem').first().textContent()).toContain('Anders Pettersson');
    // The item's status is now Genomförd and it is no longer overdue.
    const facts = card.getByRole('definition').filter({ hasText: 'Genomförd' });
    expect(await facts.count()).toBeGreaterThan(0);
    expect(await card.getByText('Försenad').count()).toBe(0);
    await checkScreen(page, 'journey-2-risk');
    await page.context().close();
  });

  test('3. a deviation is recorded from a control', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'anders.pettersson@exempelkommun-b.example');
    // The seed plan's control; the current-year demo plan has one of the same name.
    await page
      .getByRole('row')
      .filter({ hasText: 'Internkontrollplan 2020' })
      .getByRole('link', { name: 'Uppföljning av arbetslöshetssiffror.', exact: true })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Låg sysselsätting' }).waitFor();
    await page.getByRole('link', { name: 'Registrera avvikelse för Uppföljning av arbetslöshetssiffror.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera avvikelse' }).waitFor();
    await page.getByLabel('Vad avviker').fill('Statistiken för kvartal 3 saknades');
    await page.getByLabel('Allvarlighet').selectOption({ label: 'Mycket väsentlig' });
    await page.getByLabel('Även rapporterad till').fill('Nämnden');
    await checkScreen(page, 'journey-3-deviation');
    await page.getByRole('button', { name: 'Spara avvikelsen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Låg sysselsätting' }).waitFor();
    const deviations = page.getByRole('region', { name: 'Avvikelser' });
    await deviations.getByText('Statistiken för kvartal 3 saknades').waitFor();
    expect(await deviations.textContent()).toContain('Mycket väsentlig');
    expect(await deviations.textContent()).toContain('Öppen');
    await page.context().close();
  });

  test('4. a kommunstyrelse reader opens the overview and drills into a nämnd', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'lasare@malmo.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Översikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommunstyrelsens översikt' }).waitFor();
    const units = page.getByRole('table', { name: /^Under Malmö stad/ });
    await units.waitFor();
    for (const name of ['Grundskolenämnden', 'Gymnasie- och vuxenutbildningsnämnden'])
      await units.getByRole('row', { name: new RegExp(`^${name}`) }).waitFor();
    await page.getByRole('table', { name: 'Antal risker per sannolikhet och konsekvens.' }).waitFor();
    await checkScreen(page, 'journey-4-overview');

    await units.getByRole('link', { name: 'Grundskolenämnden' }).click();
    const inside = page.getByRole('table', { name: /^Under Grundskolenämnden/ });
    await inside.waitFor();
    await inside.getByRole('row', { name: /^Grundskolenämnden · egna planer/ }).waitFor();
    await inside.getByRole('row', { name: /^Grundskoleförvaltningen/ }).waitFor();
    await page
      .getByRole('navigation', { name: 'Var i organisationen' })
      .getByRole('link', { name: 'Malmö stad' })
      .waitFor();
    await checkScreen(page, 'journey-4-drill-down');

    // The nämnd's own plans: from the overview to its plan.
    await inside.getByRole('link', { name: 'Grundskolenämnden' }).click();
    await page.getByRole('link', { name: 'Internkontrollplan 2020' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internkontrollplan 2020' }).waitFor();
    await page.context().close();
  });

  test('5. the interface is switched to English and back', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'lasare@malmo.example');
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview for the executive board' }).waitFor();
    await checkScreen(page, 'journey-5-overview-en');
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommunstyrelsens översikt' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.context().close();
  });

  test('6. two people edit the same action; the second save shows the conflict and keeps the text', async () => {
    const [first, second] = await Promise.all([session.newPage(), session.newPage()]);
    await signIn(session, first, 'admin@malmo.example');
    await signIn(session, second, 'samordnare@malmo.example');
    for (const page of [first, second]) {
      await openUnit(page, 'Grundskolenämnden');
      await page.getByRole('link', { name: 'Internkontrollplan 2020' }).click();
      await page.getByRole('table', { name: 'Risker', exact: true }).getByRole('link').first().click();
      await page
        .getByRole('link', { name: /^Ändra .+/ })
        .filter({ hasNotText: 'risk' })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Ändra åtgärd' }).waitFor();
    }
    await first
      .getByLabel('Genomförda åtgärder', { exact: true })
      .fill('Utbildning genomförd för alla rektorer i mars.');
    await first.getByRole('button', { name: 'Spara' }).click();
    await first.getByRole('heading', { level: 1, name: 'Ändra åtgärd' }).waitFor({ state: 'detached' });

    const mine = 'Utbildningen genomfördes i två omgångar; 42 av 45 deltog.';
    await second.getByLabel('Genomförda åtgärder', { exact: true }).fill(mine);
    await second.getByRole('button', { name: 'Spara' }).click();
    const conflict = second.getByRole('alert').filter({ hasText: 'Någon annan har sparat ändringar' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Utbildning genomförd för alla rektorer i mars.');
    await conflict.getByText(/^Sparat av Administratör Malmö \(demo\)/).waitFor();
    expect(await second.getByLabel('Genomförda åtgärder', { exact: true }).inputValue()).toBe(mine);
    await checkScreen(second, 'journey-6-conflict');

    await second.getByRole('button', { name: 'Spara min version' }).click();
    await second.waitForURL(/\/risker\//);
    await second.getByRole('heading', { level: 1, name: 'Ändra åtgärd' }).waitFor({ state: 'detached' });
    await second.getByRole('main').getByText(mine).waitFor();
    await first.context().close();
    await second.context().close();
  });

  test('7. a responsible person records a control’s result “med avvikelse”, which records the deviation with it, and answers it with an action', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'anders.pettersson@exempelkommun-b.example');
    // The seed plan's control; the current-year demo plan has one of the same name.
    await page
      .getByRole('row')
      .filter({ hasText: 'Internkontrollplan 2020' })
      .getByRole('link', { name: 'Uppföljning av arbetslöshetssiffror.', exact: true })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Låg sysselsätting' }).waitFor();
    const card = itemCard(page, 'Kontrollmoment Uppföljning av arbetslöshetssiffror.');
    await card.getByRole('button', { name: 'Registrera resultat för Uppföljning av arbetslöshetssiffror.' }).click();
    await card.getByLabel('Period', { exact: true }).selectOption({ label: 'Kvartal 2 2020' });
    await card.getByRole('radio', { name: 'Genomförd med avvikelse' }).check();
    await card.getByLabel('Genomförd den').fill('2020-06-15');
    const deviation = card.getByRole('group', { name: 'Avvikelse 1' });
    await deviation.getByLabel('Vad avviker?').fill('Siffrorna för maj saknades');
    await deviation.getByLabel('Allvarlighetsgrad').selectOption({ label: 'Väsentlig' });
    await checkScreen(page, 'journey-7-control-result-form');
    await card.getByRole('button', { name: 'Spara resultat' }).click();
    await card.getByText('Resultatet för Kvartal 2 2020 är sparat.').waitFor();
    const results = card.getByRole('table', { name: 'Resultat per period för Uppföljning av arbetslöshetssiffror.' });
    const row = results.getByRole('row').filter({ hasText: 'Kvartal 2 2020' });
    await row.getByRole('link', { name: 'Siffrorna för maj saknades' }).waitFor();
    expect(await row.textContent()).toContain('Genomförd med avvikelse');
    // The deviation is among the risk's deviations too, open.
    const deviations = page.getByRole('region', { name: 'Avvikelser' });
    await deviations.getByText('Siffrorna för maj saknades').waitFor();
    expect(await deviations.textContent()).toContain('Öppen');
    await checkScreen(page, 'journey-7-control-results');

    // The deviation as read, linked to its control and risk; the responsible person changes it
    // (an action is made by the coordinator, so Skapa åtgärd is not offered here).
    await row.getByRole('link', { name: 'Siffrorna för maj saknades' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avvikelse: Siffrorna för maj saknades' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Låg sysselsätting' }).waitFor();
    expect(await page.getByRole('link', { name: 'Skapa åtgärd' }).count()).toBe(0);
    await checkScreen(page, 'journey-7-deviation-read');
    // The deviation is answered by an action of the plan.
    await page.getByRole('link', { name: 'Ändra avvikelsen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra avvikelse' }).waitFor();
    const answer = page.getByLabel('Åtgärd som svarar på avvikelsen');
    await answer.selectOption({ index: 1 });
    const chosen = (await answer.locator('option:checked').textContent())!;
    expect(await answer.inputValue()).not.toBe('');
    await checkScreen(page, 'journey-7-deviation-answered');
    await page.getByRole('button', { name: 'Spara avvikelsen' }).click();
    // Back on the deviation as read, which names the action that answers it.
    await page.getByRole('heading', { level: 1, name: 'Avvikelse: Siffrorna för maj saknades' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: chosen, exact: true }).waitFor();
    await page.context().close();
  });
  test('8. a follow-up is sent back with a comment, completed and submitted again, then approved; the plan shows the state', async () => {
    const control = 'Medarbetar- och lönesamtal genomförs enligt plan';
    const [author, reviewer] = await Promise.all([session.newPage(), session.newPage()]);
    await signIn(session, author, 'anders.pettersson@exempelkommun-b.example');
    await signIn(session, reviewer, 'admin@exempelkommun-b.example');

    // The responsible person writes the quarter's follow-up; saved, it is submitted for review.
    // The seed plan's control; the current-year demo plan has one of the same name.
    await author
      .getByRole('row')
      .filter({ hasText: 'Internkontrollplan 2020' })
      .getByRole('link', { name: `Skriv uppföljning för ${control}` })
      .click();
    await author.getByRole('heading', { level: 1, name: `Uppföljning: ${control}` }).waitFor();
    await author.getByLabel('Period', { exact: true }).selectOption({ label: 'Kvartal 4 2020' });
    await author.getByLabel('Uppföljning', { exact: true }).fill('Samtalen är genomförda.');
    await author.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await author.getByRole('heading', { level: 1, name: 'Få undervisande lärare med legitimation' }).waitFor();
    const authorsCard = itemCard(author, `Kontrollmoment ${control}`);
    const written = authorsCard.getByRole('listitem').filter({ hasText: 'Samtalen är genomförda.' });
    await written.getByText('Inskickad, ej godkänd').waitFor();

    // The reviewer finds it in Mitt arbete, awaiting their approval, and sends it back.
    await reviewer.reload();
    const awaiting = reviewer.getByRole('region', { name: 'Uppföljningar som väntar på ditt godkännande' });
    await awaiting.getByRole('link', { name: control }).waitFor();
    await checkScreen(reviewer, 'journey-8-awaiting-review');
    await awaiting.getByRole('link', { name: control }).click();
    await reviewer.getByRole('heading', { level: 1, name: 'Få undervisande lärare med legitimation' }).waitFor();
    const reviewersEntry = itemCard(reviewer, `Kontrollmoment ${control}`)
      .getByRole('listitem')
      .filter({ hasText: 'Samtalen är genomförda.' });
    await reviewersEntry.getByRole('button', { name: /^Skicka tillbaka.*Kvartal 4 2020$/ }).click();
    await reviewersEntry
      .getByRole('textbox', { name: 'Vad behöver kompletteras?' })
      .fill('Ange hur många samtal som hölls och om några återstår.');
    await checkScreen(reviewer, 'journey-8-send-back');
    await reviewersEntry.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
    await reviewersEntry.getByText('Återsänd', { exact: true }).waitFor();

    // The author sees the comment in Mitt arbete and on the form, completes the text and submits again.
    await author.goto(`${session.url}/`);
    const returned = author.getByRole('region', { name: 'Uppföljningar som skickats tillbaka till dig' });
    await returned.getByText('Ange hur många samtal som hölls och om några återstår.').waitFor();
    await returned.getByRole('link', { name: control }).click();
    await author.getByRole('heading', { level: 1, name: `Uppföljning: ${control}` }).waitFor();
    await author.getByText('Ange hur många samtal som hölls och om några återstår.').waitFor();
    await checkScreen(author, 'journey-8-returned-form');
    await author
      .getByLabel('Uppföljning', { exact: true })
      .fill('Samtalen är genomförda: 42 av 42 medarbetare, inga återstår.');
    expect(await author.getByLabel('Skicka in för granskning när du sparar').isChecked()).toBe(true);
    await author.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await author.getByRole('heading', { level: 1, name: 'Få undervisande lärare med legitimation' }).waitFor();
    await itemCard(author, `Kontrollmoment ${control}`)
      .getByRole('listitem')
      .filter({ hasText: '42 av 42' })
      .getByText('Inskickad, ej godkänd')
      .waitFor();

    // The reviewer approves it.
    await reviewer.reload();
    const resubmitted = itemCard(reviewer, `Kontrollmoment ${control}`)
      .getByRole('listitem')
      .filter({ hasText: '42 av 42' });
    await resubmitted.getByRole('button', { name: /^Godkänn.*Kvartal 4 2020$/ }).click();
    await resubmitted.getByRole('button', { name: 'Godkänn', exact: true }).click();
    await resubmitted.getByText('Godkänd', { exact: true }).waitFor();
    expect(await resubmitted.getByRole('button', { name: /^Godkänn/ }).count()).toBe(0);

    // The plan shows the item's latest follow-up as approved.
    await reviewer.getByRole('link', { name: 'Tillbaka till Internkontrollplan 2020' }).click();
    await reviewer.getByRole('heading', { level: 1, name: 'Internkontrollplan 2020' }).waitFor();
    const onPlan = reviewer.locator('li.item-card').filter({ hasText: '42 av 42' });
    await onPlan.getByText('Godkänd', { exact: true }).waitFor();
    expect(await onPlan.textContent()).toContain(control);
    await checkScreen(reviewer, 'journey-8-plan');
    await Promise.all([author.context().close(), reviewer.context().close()]);
  });

  test('9. the kommunstyrelse pushes a common control to the nämnder; each nämnd follows it up and the results stand side by side', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@exempelkommun-b.example');
    // Kommunstyrelsen's own plan for the year, still a draft; Utbildningsnämnden's is adopted.
    await openUnit(page, 'Kommunstyrelsen');
    await page.getByRole('link', { name: 'Ny plan' }).click();
    await page.getByLabel('Namn').fill('Internkontrollplan 2020');
    await page.getByLabel('Från år').fill('2020');
    await page.getByLabel('Till och med år').fill('2020');
    await page.getByRole('button', { name: 'Skapa planen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internkontrollplan 2020' }).waitFor();

    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Gemensamma kontrollmoment' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kommungemensamma kontrollmoment' }).waitFor();
    await checkScreen(page, 'journey-9-common-controls');
    await page.goto(new URL('/gemensamma-kontrollmoment?ar=2020', page.url()).href);
    await page.getByRole('heading', { level: 2, name: 'Gemensamma kontrollmoment 2020' }).waitFor();
    await page.getByText('Nytt gemensamt kontrollmoment').click();
    const form = page.getByRole('region', { name: 'Nytt gemensamt kontrollmoment' });
    expect(await form.getByLabel('Beslutas av').inputValue()).not.toBe('');
    await form.getByLabel('Risk', { exact: true }).fill('Felaktiga utbetalningar av arvoden');
    await form.getByLabel('Kontrollmoment', { exact: true }).fill('Stickprov på arvodesutbetalningar');
    await form.getByLabel('Kontrollmetod').selectOption({ label: 'Stickprov' });
    await form.getByRole('textbox', { name: 'Omfattning och urval' }).fill('Fem utbetalningar per kvartal');
    await form.getByLabel('Frekvens').selectOption({ label: 'Varje kvartal' });
    await checkScreen(page, 'journey-9-common-control-form');
    await form.getByRole('button', { name: 'Skapa kontrollmomentet' }).click();
    await page
      .getByText('Stickprov på arvodesutbetalningar är skapat och har förts in i planerna under utkast.')
      .waitFor();

    const table = page.getByRole('table', { name: 'Uppföljning per enhet av Stickprov på arvodesutbetalningar' });
    const board = table.getByRole('row', { name: /^Kommunstyrelsen/ });
    const school = table.getByRole('row', { name: /^Utbildningsnämnden/ });
    await board.getByRole('link', { name: /I planen/ }).waitFor();
    await school.getByText('Erbjuds').waitFor();
    // Utbildningsnämnden's plan was adopted before: its coordinator (here the administrator) takes the control in.
    await school.getByRole('button', { name: 'För in i planen Utbildningsnämnden' }).click();
    await page.getByText('Stickprov på arvodesutbetalningar är infört i planen för Utbildningsnämnden.').waitFor();
    await checkScreen(page, 'journey-9-common-control-offered');

    // Each nämnd records its result on its own copy, from its own plan.
    for (const [unit, period] of [
      ['Kommunstyrelsen', 'Kvartal 1 2020'],
      ['Utbildningsnämnden', 'Kvartal 2 2020'],
    ] as const) {
      await table
        .getByRole('row', { name: new RegExp(`^${unit}`) })
        .getByRole('link', { name: /I planen/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Felaktiga utbetalningar av arvoden' }).waitFor();
      await page.getByText('Risken och dess kontrollmoment är kommungemensamma').waitFor();
      const card = itemCard(page, 'Kontrollmoment Stickprov på arvodesutbetalningar');
      await card.getByRole('button', { name: 'Registrera resultat för Stickprov på arvodesutbetalningar' }).click();
      await card.getByLabel('Period', { exact: true }).selectOption({ label: period });
      await card.getByRole('radio', { name: 'Genomförd utan anmärkning' }).check();
      await card.getByRole('button', { name: 'Spara resultat' }).click();
      await card.getByText(`Resultatet för ${period} är sparat.`).waitFor();
      await page.goBack();
      await table.waitFor();
    }
    await board.getByText('Kvartal 1 2020: Genomförd utan anmärkning').waitFor();
    await school.getByText('Kvartal 2 2020: Genomförd utan anmärkning').waitFor();
    await checkScreen(page, 'journey-9-common-control-side-by-side');
    await page.context().close();
  });
});
