import { describe, expect, test } from 'vitest';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// The årshjul set up for a new year: the standard periods in one step, the meetings copied from
// the year before, both safe to repeat, the year shown as a timeline beside the month list.

const session = useBrowserSession();

describe('the årshjul’s year tools', () => {
  test('the administrator gives 2027 its standard periods and the meetings of 2026, by keyboard, twice without duplicates', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@malmo.example');
    await page.goto(`${session.url}/arshjul?ar=2027`);
    await page.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();
    await checkScreen(page, 'year-2027-empty');

    const generate = page.getByRole('button', { name: 'Skapa standardperioder för 2027' });
    await generate.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('6 perioder skapades, 0 fanns redan.').waitFor();
    const timeline = page.getByRole('region', { name: 'Året som tidslinje' });
    for (const label of ['Tertial 1 2027', 'Tertial 3 2027', 'Halvår 2 2027', 'Helår 2027'])
      await timeline.getByText(label, { exact: true }).waitFor();
    await checkScreen(page, 'year-2027-periods');

    const copy = page.getByRole('button', { name: 'Kopiera sammanträden från 2026' });
    await copy.focus();
    await page.keyboard.press('Enter');
    const copied = page.getByRole('status').getByText(/sammanträden kopierades, 0 fanns redan\./);
    await copied.waitFor();
    const count = Number((await copied.textContent())!.split(' ')[0]);
    await checkScreen(page, 'year-2027-meetings');

    // Both again: nothing new.
    await generate.click();
    await page.getByRole('status').getByText('0 perioder skapades, 6 fanns redan.').waitFor();
    await copy.click();
    await page.getByRole('status').getByText(`0 sammanträden kopierades, ${count} fanns redan.`).waitFor();
    expect(await timeline.locator('.year-timeline-bar').count()).toBe(6);
    expect(await timeline.locator('.year-timeline-mark').count()).toBeGreaterThanOrEqual(count);
  });
});
