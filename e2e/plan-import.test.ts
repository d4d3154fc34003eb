import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// Bringing last year's work: a plan exported for editing in Excel, edited and imported back
// with a preview; and a plan table in the municipality's own layout imported into a unit, with
// a column the person maps. Every screen on the way is scanned with axe and checked at 320 px.

const session = useBrowserSession();
const folder = mkdtempSync(join(tmpdir(), 'uppsikt-import-e2e-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function openPlan(page: Page, unit: string, plan: string) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
  await page
    .getByRole('link', { name: new RegExp(`^${unit}`) })
    .first()
    .click();
  await page.getByRole('heading', { level: 2, name: `Planer för ${unit}` }).waitFor();
  await page.getByRole('link', { name: plan }).first().click();
  await page.getByRole('heading', { level: 1, name: plan }).waitFor();
}

describe('importing plans', () => {
  test('a coordinator exports a plan for Excel, edits it, and imports it back through the preview', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    await openPlan(page, 'Grundskolenämnden', 'Internkontrollplan 2020');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exportera för redigering (Excel)' }).click(),
    ]);
    const exported = join(folder, download.suggestedFilename());
    await download.saveAs(exported);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(exported) as never);
    const risks = book.getWorksheet('Risker')!;
    let titleColumn = 0;
    risks.getRow(1).eachCell((cell, index) => {
      if (cell.text === 'Titel') titleColumn = index;
    });
    const before = risks.getRow(2).getCell(titleColumn).text;
    risks.getRow(2).getCell(titleColumn).value = `${before} (reviderad)`;
    const edited = join(folder, 'redigerad.xlsx');
    writeFileSync(edited, new Uint8Array(await book.xlsx.writeBuffer()));

    await page.getByRole('link', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera till Internkontrollplan 2020' }).waitFor();
    await checkScreen(page, 'plan-import-start');
    await page.getByLabel('Fil', { exact: true }).setInputFiles(edited);
    await page.getByRole('button', { name: 'Ladda upp och förhandsgranska' }).click();
    await page.getByText('Läge: Förhandsgranskningen är klar.').waitFor({ timeout: 60_000 });
    await checkScreen(page, 'plan-import-preview');

    await page.getByLabel('Visa').selectOption({ label: 'Ändrade' });
    const change = page
      .getByRole('listitem')
      .filter({ hasText: `${before} (reviderad)` })
      .first();
    await change.getByText(before, { exact: false }).first().waitFor();
    await checkScreen(page, 'plan-import-preview-changed');

    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'Importen är klar' }).waitFor({ timeout: 60_000 });
    await checkScreen(page, 'plan-import-done');
    await page.getByRole('link', { name: 'Till planen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internkontrollplan 2020' }).waitFor();
    await page.getByText(`${before} (reviderad)`).first().waitFor();
  });

  test('a plan table in the organisation’s own layout is mapped by the person and imported into a unit', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await page
      .getByRole('link', { name: /^Grundskolenämnden/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Importera plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera en plan' }).waitFor();
    await page.getByLabel('År', { exact: true }).fill('2027');

    // Swedish Excel's CSV: semicolons, Windows-1252; a column whose heading Uppsikt does not know.
    const table =
      'Internkontrollplan 2027\r\n' +
      'Kontrollområde;Risk;Sannolikhet;Konsekvens;Kontrollmoment;Vem\r\n' +
      'Ekonomi;Felaktiga attester;2;3;Stickprov på attester;Anna Ek\r\n' +
      'Personal;Brister i arbetsmiljön;3;2;Uppföljning av skyddsronder;Bo Berg\r\n';
    const csv = join(folder, 'plan-2027.csv');
    writeFileSync(csv, Uint8Array.from([...table].map((character) => character.charCodeAt(0))));
    await page.getByLabel('Fil', { exact: true }).setInputFiles(csv);
    await checkScreen(page, 'plan-import-org-start');
    await page.getByRole('button', { name: 'Ladda upp och förhandsgranska' }).click();
    await page.getByText('Läge: Förhandsgranskningen är klar.').waitFor({ timeout: 60_000 });

    await page.getByText('Ändra vad kolumnerna innehåller').click();
    await page.getByLabel('Innehåll i kolumn F (Vem)').selectOption({ label: 'Ansvarig' });
    await page.getByLabel('Spara mappningen som').fill('Grundskolans mall');
    await checkScreen(page, 'plan-import-mapping');
    await page.getByRole('button', { name: 'Förhandsgranska igen' }).click();
    await page.getByText('Läge: Förhandsgranskningen är klar.').waitFor({ timeout: 60_000 });
    await page.getByText('Anna Ek').first().waitFor();

    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'Importen är klar' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Till planen' }).click();
    await page.getByText('Felaktiga attester').first().waitFor();
  });

  test('a reader may download the plan for Excel but is offered no import', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'lasare@malmo.example');
    await openPlan(page, 'Grundskolenämnden', 'Internkontrollplan 2020');
    await page.getByRole('link', { name: 'Exportera för redigering (Excel)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Importera', exact: true }).count()).toBe(0);
  });
});
