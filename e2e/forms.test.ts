import { describe, expect, test } from 'vitest';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// The forms beyond the six journeys: a plan's decision, a review, a deviation closed by an
// action, an activity with a sub-activity. Each form is scanned with axe and checked at 320 px.

const session = useBrowserSession();

describe('forms', () => {
  test('a coordinator records the plan decision and a review with its diarienummer', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await page
      .getByRole('link', { name: /^Grundskolenämnden/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Internkontrollplan 2020' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internkontrollplan 2020' }).waitFor();
    await page.getByRole('link', { name: 'Ändra', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra plan' }).waitFor();
    await page.getByLabel('Beslutad av').selectOption({ label: 'Grundskolenämnden' });
    await page.getByLabel('Datum').fill('2019-12-17');
    await page.getByLabel('Paragraf').fill('§210');
    await page.getByLabel('Diarienummer').fill('GRF-2019-1234');
    await checkScreen(page, 'form-plan-decision');
    await page.getByRole('button', { name: 'Spara' }).click();
    const decision = page.getByRole('region', { name: 'Beslut' });
    await decision.getByText('§210').waitFor();
    await decision.getByText('GRF-2019-1234').waitFor();

    await page.getByRole('link', { name: 'Ny granskning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny granskning' }).waitFor();
    await page.getByLabel('Rubrik', { exact: true }).fill('Granskning av skolskjutsar');
    await page.getByLabel('Diarienummer').fill('GRF-2020-99999');
    await page.getByLabel('Iakttagelser', { exact: true }).fill('## Iakttagelser\n\n- Avtalen följs upp för sällan');
    await checkScreen(page, 'form-review');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: 'Granskningar' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Granskning av skolskjutsar' }).waitFor();
    await page.getByText('GRF-2020-99999').waitFor();
    await page.context().close();
  });

  test('a deviation is answered by an action and closed', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'anders.pettersson@exempelkommun-b.example');
    await page.getByRole('link', { name: 'Uppföljning av arbetslöshetssiffror.', exact: true }).first().click();
    await page.getByRole('link', { name: 'Registrera avvikelse för Uppföljning av arbetslöshetssiffror.' }).click();
    await page.getByLabel('Vad avviker').fill('Rapporten kom för sent');
    await page.getByLabel('Allvarlighet').selectOption({ label: 'Mindre väsentlig' });
    await page.getByRole('button', { name: 'Spara avvikelsen' }).click();
    await page.getByRole('link', { name: 'Rapporten kom för sent' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avvikelse: Rapporten kom för sent' }).waitFor();
    await page.getByRole('link', { name: 'Ändra avvikelsen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra avvikelse' }).waitFor();
    expect(await page.getByLabel('Allvarlighet').locator('option:checked').textContent()).toBe('Mindre väsentlig');
    await page.getByLabel('Åtgärd som svarar på avvikelsen').selectOption({ label: 'Samverkan' });
    await page.getByLabel('Läge').selectOption({ label: 'Åtgärdad' });
    await checkScreen(page, 'form-deviation');
    await page.getByRole('button', { name: 'Spara avvikelsen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avvikelse: Rapporten kom för sent' }).waitFor();
    await page.getByRole('main').getByText('Åtgärdad', { exact: true }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Samverkan', exact: true }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Låg sysselsätting' }).click();
    await page
      .getByRole('region', { name: 'Avvikelser' })
      .getByText(/Rapporten kom för sent.*Åtgärdad/s)
      .waitFor();
    await page.context().close();
  });

  test('from a deviation, the administrator makes the action that answers it (Skapa åtgärd), by keyboard', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'anders.pettersson@exempelkommun-b.example');
    await page.getByRole('link', { name: 'Uppföljning av arbetslöshetssiffror.', exact: true }).first().click();
    await page.getByRole('link', { name: 'Registrera avvikelse för Uppföljning av arbetslöshetssiffror.' }).click();
    await page.getByLabel('Vad avviker').fill('Underlaget saknade källor');
    await page.getByLabel('Allvarlighet').selectOption({ label: 'Väsentlig' });
    await page.getByRole('button', { name: 'Spara avvikelsen' }).click();
    const href = await page.getByRole('link', { name: 'Underlaget saknade källor' }).getAttribute('href');
    await page.context().close();

    const admin = await session.newPage();
    await signIn(session, admin, 'admin@exempelkommun-b.example');
    await admin.goto(new URL(href!, session.url).toString());
    await admin.getByRole('heading', { level: 1, name: 'Avvikelse: Underlaget saknade källor' }).waitFor();
    await admin.getByText('Ingen åtgärd svarar ännu mot avvikelsen.').waitFor();
    const create = admin.getByRole('link', { name: 'Skapa åtgärd' });
    await create.focus();
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { level: 1, name: 'Ny åtgärd' }).waitFor();
    const title = admin.getByRole('textbox', { name: 'Rubrik' });
    expect(await title.inputValue()).toBe('Underlaget saknade källor');
    await checkScreen(admin, 'form-action-from-deviation');
    await title.focus();
    await admin.keyboard.press('ControlOrMeta+a');
    await admin.keyboard.type('Källförteckning i varje underlag');
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { level: 1, name: 'Avvikelse: Underlaget saknade källor' }).waitFor();
    await admin.getByRole('main').getByRole('link', { name: 'Källförteckning i varje underlag' }).waitFor();
    expect(await admin.getByRole('link', { name: 'Skapa åtgärd' }).count()).toBe(0);
    await checkScreen(admin, 'deviation-answered-by-new-action');
    await admin.context().close();
  });

  test('an activity with focus areas and a sub-activity is added to an aktivitetsplan', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@malmo.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('link', { name: /^Gymnasie- och vuxenutbildningsförvaltningen/ }).click();
    await page.getByRole('link', { name: 'Aktivitetsplan för kompetensförsörjning 2020–2021' }).click();
    await page.getByRole('link', { name: 'Ny aktivitet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny aktivitet' }).waitFor();
    await page.getByLabel('Nummer').fill('10');
    await page.getByLabel('Rubrik', { exact: true }).fill('Mentorsprogram för nyanställda');
    await page.getByLabel('Attrahera & rekrytera').check();
    await page.getByLabel('Utförare', { exact: true }).fill('HR');
    await checkScreen(page, 'form-activity');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 3, name: '10 Mentorsprogram för nyanställda' }).waitFor();
    await page.getByRole('link', { name: 'Ändra 10 Mentorsprogram för nyanställda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra aktivitet' }).waitFor();
    await checkScreen(page, 'form-activity-edit');
    const sub = page.getByRole('form', { name: 'Ny delaktivitet' });
    await sub.getByLabel('Rubrik').fill('Utse mentorer');
    await sub.getByRole('button', { name: 'Lägg till delaktiviteten' }).click();
    await page.getByText('10.1 Utse mentorer').waitFor();
    await page.context().close();
  });

  test('leaving a form with unsaved text asks first; staying keeps the text, and the author corrects a follow-up', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'anders.pettersson@exempelkommun-b.example');
    // The seed plan's action; the current-year demo plan has one of the same name.
    await page
      .getByRole('row')
      .filter({ hasText: 'Internkontrollplan 2020' })
      .getByRole('link', { name: 'Skriv uppföljning för Samverkan' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning: Samverkan' }).waitFor();
    const text = 'Möte med Arbetsförmedlingen hölls i oktober.';
    await page.getByLabel('Uppföljning', { exact: true }).fill(text);
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await expect.poll(() => questions).toEqual(['Du har ändringar som inte är sparade. Vill du lämna sidan ändå?']);
    await page.getByRole('heading', { level: 1, name: 'Uppföljning: Samverkan' }).waitFor();
    expect(await page.getByLabel('Uppföljning', { exact: true }).inputValue()).toBe(text);

    await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Låg sysselsätting' }).waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Åtgärd Samverkan' }) });
    await card
      .getByRole('link', { name: /^Ändra uppföljningen för/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning: Samverkan' }).waitFor();
    await page.getByLabel('Uppföljning', { exact: true }).fill(`${text} Nästa möte i december.`);
    await checkScreen(page, 'form-follow-up-edit');
    await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await card.getByText('Nästa möte i december.').waitFor();
    await page.context().close();
  });

  test('a risk is archived, not deleted: it leaves the plan, and its history restores it', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@exempelkommun-b.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('link', { name: /^Utbildningsnämnden/ }).click();
    await page.getByRole('link', { name: 'Internkontrollplan 2020' }).click();
    const risks = page.getByRole('table', { name: 'Risker', exact: true });
    await risks.getByRole('link', { name: 'Låg sysselsätting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Låg sysselsätting' }).waitFor();
    const riskUrl = page.url();
    await page.getByRole('link', { name: 'Ändra', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra risk' }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Arkivera Låg sysselsätting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internkontrollplan 2020' }).waitFor();
    await expect.poll(() => risks.getByRole('link', { name: 'Låg sysselsätting' }).count()).toBe(0);

    await page.goto(riskUrl);
    await page.getByRole('link', { name: 'Historik', exact: true }).click();
    await page.getByText('Arkiverad. Den syns inte i listorna men kan återställas.').waitFor();
    await checkScreen(page, 'history-archived');
    await page.getByRole('button', { name: 'Återställ Låg sysselsätting' }).click();
    await page.getByRole('heading', { level: 2, name: /återställd/ }).waitFor();
    await page.context().close();
  });
});
