import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// Periodens uppföljning, end to end against the built server with the demo data (its clock at
// 2026-11-30): the coordinator opens the board from the menu and follows up a period; a
// municipality's administrator reminds the responsible person whose follow-up is missing.

const session = useBrowserSession();

async function openBoard(page: Page) {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Periodens uppföljning' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Periodens uppföljning' }).waitFor();
}

describe('Periodens uppföljning', () => {
  test('the coordinator sees who has not followed up a period of the unit, and why nobody can be reminded', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    await openBoard(page);
    expect(await page.getByLabel('Enhet').locator('option:checked').textContent()).toContain('Grundskolenämnden');
    await page.getByLabel('Period').selectOption({ label: 'Kvartal 4 2020' });
    await page.getByRole('heading', { level: 2, name: 'Grundskolenämnden, Kvartal 4 2020' }).waitFor();
    const overdue = page.locator('.board-counts > div').filter({ hasText: 'Försenade' }).locator('dd');
    expect(Number(await overdue.textContent())).toBeGreaterThan(0);
    // The plan's people have no e-mail address in the demo: there is no Påminn to offer.
    expect(await page.getByRole('button', { name: /^Påminn/ }).count()).toBe(0);
    await checkScreen(page, 'period-board-coordinator');
  });

  test('Påminn sends a reminder to those missing, announces it and shows when; at 1280 and 360 px', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@exempelkommun-b.example');
    await openBoard(page);
    // Opens on the person's unit and the period running today by the server's clock.
    expect(await page.getByLabel('Period').locator('option:checked').textContent()).toBe('Kvartal 4 2026');
    await page.getByRole('heading', { level: 2, name: /Kvartal 4 2026$/ }).waitFor();
    await checkScreen(page, 'period-board');
    const button = page.getByRole('button', { name: /^Påminn för / }).first();
    const name = (await button.getAttribute('aria-label')) ?? (await button.textContent())!;
    const title = name.replace(/^Påminn för /, '');
    await button.click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Påminnelse om' }).textContent())
      .toMatch(
        new RegExp(`^Påminnelse om ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} skickad till .+ 30 nov\\. 2026\\.$`),
      );
    const row = page.getByRole('row').filter({ hasText: title }).first();
    await row.getByText('Påmind 30 nov. 2026').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await checkScreen(page, 'period-board-reminded');

    // Recorded: the board shows it after a reload too, and on a phone.
    const phone = await session.newPage(360);
    await signIn(session, phone, 'admin@exempelkommun-b.example');
    await openBoard(phone);
    await phone.getByRole('row').filter({ hasText: title }).first().getByText('Påmind 30 nov. 2026').waitFor();
    await checkScreen(phone, 'period-board-360');
  });
});
