import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';

describe('the API description', () => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = createApp({ database });
  });
  afterAll(() => database.close());

  test('/api/v1/openapi.json is a valid OpenAPI 3.1 document, open without signing in', async () => {
    const response = await app.request('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('it describes every resource of the API', async () => {
    const document = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const paths = Object.keys(document.paths);
    for (const resource of [
      '/auth/login',
      '/auth/logout',
      '/me',
      '/org-units',
      '/org-units/tree',
      '/users',
      '/role-assignments',
      '/api-tokens',
      '/scim-tokens',
      '/directory-groups',
      '/risk-matrices',
      '/statuses',
      '/plans',
      '/plans/{id}/overview',
      '/risks',
      '/controls',
      '/actions',
      '/activities',
      '/sub-activities',
      '/focus-areas',
      '/follow-ups',
      '/deviations',
      '/reviews',
      '/reporting-calendar',
      '/reporting-calendar/periods',
      '/reporting-calendar/events',
      '/audit-events',
    ]) {
      expect(paths).toContain(resource);
    }
    expect(Object.keys(document.paths['/risks/{id}']!)).toEqual(expect.arrayContaining(['get', 'patch']));
  });

  test('/api/docs serves the browsable reference from the package, not from a CDN', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/docs/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const script = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
    expect((await app.request('/api/docs/start.js')).status).toBe(200);
  });
});
