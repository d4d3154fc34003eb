import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { axeViolations, horizontalOverflow, keepScreenshot, launchBrowser } from './browser.ts';
import { E2E_CLOCK_START, startBuiltServer, type RunningServer } from './server.ts';

/** Every demo account's password. */
export const PASSWORD = 'uppsikt-demo';

export interface Session {
  url: string;
  /** A fresh browser window (its own cookies), Swedish by default. */
  newPage(width?: number, options?: { bypassCSP?: boolean }): Promise<Page>;
}

/**
 * The built server on a fresh embedded database with the demo data (a copy of the data folder
 * the global setup filled), on a clock that starts at E2E_CLOCK_START, and Debian's Chromium, for the tests of one file; both are stopped
 * and the data removed afterwards.
 */
export function useBrowserSession(): Session {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'uppsikt-e2e-'));
    cpSync(inject('e2eDemoDataDir'), dataDir, { recursive: true });
    [server, browser] = await Promise.all([
      startBuiltServer({ DATABASE_URL: '', DATA_DIR: dataDir, CLOCK_START: E2E_CLOCK_START }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get url() {
      return server!.url;
    },
    async newPage(width = 1280, options: { bypassCSP?: boolean } = {}) {
      const context = await browser!.newContext({
        viewport: { width, height: 900 },
        locale: 'sv-SE',
        bypassCSP: options.bypassCSP ?? false,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
}

/** Signs in through the sign-in form and waits for the start page. */
export async function signIn(session: Session, page: Page, email: string) {
  await page.goto(`${session.url}/logga-in`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor();
}

/** axe finds nothing, the page reflows at 320 px, and screenshots at both widths are kept. */
export async function checkScreen(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  await keepScreenshot(page, name);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await horizontalOverflow(page), `horizontal scrolling at 320 px on ${name}`).toBe(0);
  expect(await axeViolations(page), `axe at 320 px on ${name}`).toEqual([]);
  await keepScreenshot(page, `${name}-320`);
  await page.setViewportSize(size);
}
