// The web application's figures: the JavaScript a browser loads for the first page (gzip, as
// the server sends it), the lazily loaded screens, and the time until a plan with 100 risks
// (each with a control and an action) is usable in headless Chromium, and until a matrix cell
// has filtered its list. Run with `npm run bench:web`; it builds first and prints the figures.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startBuiltServer } from '../e2e/support/server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RISKS = 100;
const ACCOUNT = { email: 'admin@exempelkommun-b.example', password: 'uppsikt-demo' };
const assets = join(import.meta.dirname, '../dist/web/assets');
const gzipped = (name: string) => gzipSync(readFileSync(join(assets, name))).length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function api(url: string, cookie: string, csrf: string, path: string, body: unknown) {
  const response = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** A plan of 100 risks spread over the matrix, each with a control and an action, written over the API. */
async function largePlan(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ACCOUNT),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((entry) => entry.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const units = (await (await fetch(`${url}/api/v1/org-units?limit=500`, { headers: { cookie } })).json()) as {
    items: { id: string; name: string }[];
  };
  const unitId = units.items.find((unit) => unit.name === 'Utbildningsnämnden')!.id;
  const plan = await api(url, cookie, csrfToken, '/plans', {
    unitId,
    kind: 'internal_control',
    title: 'Stor plan (benchmark)',
    startYear: 2026,
  });
  for (let index = 0; index < RISKS; index++) {
    const risk = await api(url, cookie, csrfToken, '/risks', {
      planId: plan.id,
      title: `Risk ${index + 1}`,
      description: 'Orsak → konsekvens, med en **viktig** detalj.',
      likelihood: (index % 4) + 1,
      consequence: (Math.floor(index / 4) % 4) + 1,
    });
    await api(url, cookie, csrfToken, '/controls', {
      riskId: risk.id,
      title: `Kontroll ${index + 1}`,
      endDate: '2026-12-31',
      checkpoints: ['2026-03-31', '2026-06-30'],
    });
    await api(url, cookie, csrfToken, '/actions', {
      planId: plan.id,
      riskId: risk.id,
      title: `Åtgärd ${index + 1}`,
      whatToDo: '- Ett\n- Två',
    });
  }
  return plan.id;
}

async function signIn(page: Page, url: string) {
  await page.goto(`${url}/logga-in`);
  await page.getByLabel('E-postadress').fill(ACCOUNT.email);
  await page.getByLabel('Lösenord').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor();
}

const dataDir = mkdtempSync(join(tmpdir(), 'uppsikt-bench-web-'));
const [server, browser] = await Promise.all([
  startBuiltServer({ DATABASE_URL: '', DATA_DIR: dataDir }),
  launchBrowser(),
]);
try {
  // What the first page loads: every script the browser fetched for the sign-in page.
  const first = await browser.newPage();
  const scripts = new Set<string>();
  first.on('response', (response) => {
    const name = new URL(response.url()).pathname;
    if (name.startsWith('/assets/') && name.endsWith('.js')) scripts.add(name.slice('/assets/'.length));
  });
  await first.goto(`${server.url}/logga-in`);
  await first.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  await first.waitForLoadState('networkidle');
  const firstPage = [...scripts].reduce((sum, name) => sum + gzipped(name), 0);
  await first.close();
  const all = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const lazy = all.filter((name) => !scripts.has(name));
  console.log(`first page (sign-in) JavaScript: ${kib(firstPage)} gzip in ${scripts.size} files (limit 250 KiB)`);
  console.log(
    `all JavaScript: ${kib(all.reduce((sum, name) => sum + gzipped(name), 0))} gzip in ${all.length} files; loaded later, by screen:`,
  );
  for (const name of lazy.sort((a, b) => gzipped(b) - gzipped(a)).slice(0, 8))
    console.log(`  ${name.replace(/-[\w-]{8}\.js$/, '')}: ${kib(gzipped(name))}`);

  const planId = await largePlan(server.url);
  const usable: number[] = [];
  const filtered: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url);
    const started = performance.now();
    await page.goto(`${server.url}/planer/${planId}`);
    const rows = page.getByRole('table', { name: 'Risker', exact: true }).getByRole('row');
    await rows.nth(RISKS).waitFor();
    usable.push(performance.now() - started);
    const clicked = performance.now();
    await page
      .getByRole('table', { name: /Antal risker per/ })
      .getByRole('link')
      .first()
      .click();
    await page.getByText(/^Visar risker med sannolikhet/).waitFor();
    filtered.push(performance.now() - clicked);
    await context.close();
  }
  console.log(
    `plan with ${RISKS} risks, ${RISKS} controls, ${RISKS} actions: usable after ${median(usable).toFixed(0)} ms (median of ${RUNS}; ${usable.map((value) => value.toFixed(0)).join(', ')})`,
  );
  console.log(`a matrix cell filters the list in ${median(filtered).toFixed(0)} ms (median of ${RUNS})`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
