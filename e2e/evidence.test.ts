import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// Evidence (underlag) on a plan: a coordinator uploads the signed protocol extract with the
// browser's own file input and downloads it again, byte for byte; a reader sees it and may
// download it, and is offered no upload. The screen is scanned with axe and checked at 320 px.

const session = useBrowserSession();
const folder = mkdtempSync(join(tmpdir(), 'uppsikt-evidence-e2e-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const PLAN = 'Internkontrollplan 2020';

async function openPlan(page: Page) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
  await page
    .getByRole('link', { name: /^Grundskolenämnden/ })
    .first()
    .click();
  await page.getByRole('heading', { level: 2, name: 'Planer för Grundskolenämnden' }).waitFor();
  await page.getByRole('link', { name: PLAN }).first().click();
  await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('evidence files', () => {
  test('a coordinator uploads the protocol extract and downloads it unchanged; a reader only downloads', async () => {
    const file = join(folder, 'Protokollsutdrag § 95.pdf');
    writeFileSync(file, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    await openPlan(page);
    const evidence = page.getByRole('region', { name: 'Underlag', exact: true });
    await evidence.getByText('Inga underlag ännu.').waitFor();
    await evidence.getByLabel('Välj fil').setInputFiles(file);
    await evidence.getByLabel('Beskrivning (frivillig)').fill('Justerat protokollsutdrag');
    await evidence.getByRole('button', { name: 'Ladda upp', exact: true }).click();
    await evidence.getByText('Protokollsutdrag § 95.pdf är uppladdad.').waitFor();
    const link = evidence.getByRole('link', { name: 'Protokollsutdrag § 95.pdf' });
    await link.waitFor();
    await checkScreen(page, 'plan-evidence');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Protokollsutdrag § 95.pdf');
    const saved = join(folder, 'nedladdad.pdf');
    await download.saveAs(saved);
    expect(sha256(readFileSync(saved))).toBe(sha256(readFileSync(file)));

    const reader = await session.newPage();
    await signIn(session, reader, 'lasare@malmo.example');
    await openPlan(reader);
    const seen = reader.getByRole('region', { name: 'Underlag', exact: true });
    await seen.getByRole('link', { name: 'Protokollsutdrag § 95.pdf' }).waitFor();
    expect(await seen.getByLabel('Välj fil').count()).toBe(0);
    expect(await seen.getByRole('button', { name: /Arkivera/ }).count()).toBe(0);
  });
});
