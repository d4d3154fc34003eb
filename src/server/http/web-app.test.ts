import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';

describe('the web application at /', () => {
  let database: DatabaseHandle;
  let built: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    built = mkdtempSync(join(tmpdir(), 'uppsikt-web-'));
    mkdirSync(join(built, 'assets'));
    writeFileSync(
      join(built, 'index.html'),
      '<!doctype html><html lang="sv"><title>Uppsikt</title><div id="root"></div></html>',
    );
    writeFileSync(join(built, 'assets', 'main-abc123.js'), 'console.log("hej")'.repeat(100));
  });
  afterAll(async () => {
    rmSync(built, { recursive: true, force: true });
    await database.close();
  });

  test('every page address answers with index.html, uncached, with a content security policy', async () => {
    const app = createApp({ database, webRoot: built });
    for (const path of ['/', '/organisation', '/planer/0190c0de-0000-7000-8000-000000000000?sannolikhet=2']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  test('hashed assets are cached for a year; a missing asset is 404, not the page', async () => {
    const app = createApp({ database, webRoot: built });
    const asset = await app.request('/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asset.headers.get('referrer-policy')).toBe('same-origin');
    const missing = await app.request('/assets/gone.js');
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await app.request('/assets/gone.js')).status).toBe(404);
    // Only a file that is there is cached for a year: a missing one may appear with the next release.
    expect(missing.headers.get('cache-control') ?? '').not.toContain('immutable');
  });

  test('assets travel gzip-compressed when the browser accepts it', async () => {
    const app = createApp({ database, webRoot: built });
    const response = await app.request('/assets/main-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const text = await new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(text).toBe('console.log("hej")'.repeat(100));
  });

  test('the API keeps its problem+json 404 under /api', async () => {
    const app = createApp({ database, webRoot: built });
    for (const path of ['/api/nothing-here', '/api']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // An address that only begins like the API's is a page.
    expect((await app.request('/apikoll')).status).toBe(200);
  });

  test('without a build the page says what to run, in Swedish and English', async () => {
    const app = createApp({ database, webRoot: join(built, 'missing') });
    const response = await app.request('/');
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain('npm run build');
    expect(html).toContain('The web application is not built');
  });
});
