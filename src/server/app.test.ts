import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from './app.ts';
import type { DatabaseHandle } from './db/client.ts';
import { createTestDatabase } from '../../test/support/test-database.ts';
import { packageVersion } from './paths.ts';

describe('the HTTP application', () => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = createApp({ database });
  });
  afterAll(() => database.close());

  test('GET /api/health names the database kind and the version', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
      version: packageVersion,
    });
  });

  test('an unknown path is a problem+json 404, in Swedish by default', async () => {
    const response = await app.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toEqual({
      type: 'urn:uppsikt:problem:not_found',
      title: 'Det finns inget här.',
      status: 404,
      detail: 'Det finns inte, eller så har du inte tillgång till det.',
    });
  });

  test('the problem is in English when the client prefers English', async () => {
    const response = await app.request('/api/nothing-here', {
      headers: { 'accept-language': 'en-GB,en;q=0.9,sv;q=0.5' },
    });
    expect((await response.json()) as { title: string }).toMatchObject({ title: 'There is nothing here.' });
    expect(response.headers.get('content-language')).toBe('en');
  });

  test('health reports 503 when the database does not answer', async () => {
    const broken = createApp({
      database: { ...database, db: { execute: () => Promise.reject(new Error('gone')) } as never },
    });
    const response = await broken.request('/api/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 503, type: 'urn:uppsikt:problem:unavailable' });
  });
});
