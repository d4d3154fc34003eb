import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// The search field of every page, by keyboard alone: type, submit, reach a hit.

const session = useBrowserSession();

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
  for (
    let presses = 0;
    presses < 100 && !(await target.evaluate((element) => element === element.ownerDocument.activeElement));
    presses++
  )
    await page.keyboard.press('Tab');
  expect(await target.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
}

describe('search', () => {
  test('with the keyboard alone a person searches with an inflected word, opens the results and reaches a risk', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'anders.pettersson@exempelkommun-b.example');
    const field = page.getByRole('search').getByRole('searchbox');
    await tabTo(page, field);
    // "legitimationen" (definite form) finds the risk about teachers with a "legitimation".
    await page.keyboard.type('legitimationen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sökresultat för ”legitimationen”' }).waitFor();
    const risks = page.getByRole('region', { name: 'Risker' });
    const hit = risks.getByRole('link', { name: 'Få undervisande lärare med legitimation' }).first();
    await hit.waitFor();
    await expect(
      risks
        .getByText(/Utbildningsnämnden · år 2020/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await checkScreen(page, 'search-results');

    await tabTo(page, hit);
    expect(
      await hit.evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).outlineStyle),
    ).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Få undervisande lärare med legitimation/ }).waitFor();
    await page.context().close();
  });
});
