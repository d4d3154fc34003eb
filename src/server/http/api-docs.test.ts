import { describe, expect, test } from 'vitest';
import { apiDocsRoutes } from './api-docs.ts';

// The browsable API reference, served from the installed Swagger UI package (never a CDN).

describe('the API reference at /api/docs', () => {
  test('the page loads Swagger UI and its start script from /api/docs, in English', async () => {
    const response = await apiDocsRoutes().request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    for (const file of ['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/start.js'])
      expect(html).toContain(file);
    expect(html).not.toMatch(/https?:\/\//);
  });

  test('the start script reads the OpenAPI document of this server', async () => {
    const response = await apiDocsRoutes().request('/start.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toContain("url: '/api/v1/openapi.json'");
  });

  test('Swagger UI’s own files with their types, cached for a day; nothing else of the package', async () => {
    const docs = apiDocsRoutes();
    const css = await docs.request('/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await css.text()).length).toBeGreaterThan(1000);
    const script = await docs.request('/swagger-ui-bundle.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('SwaggerUIBundle');
    // Read once, then from memory: the same bytes.
    expect(await (await docs.request('/swagger-ui.css')).text()).toBe(
      await (await apiDocsRoutes().request('/swagger-ui.css')).text(),
    );
    expect((await docs.request('/package.json')).status).toBe(404);
    expect((await docs.request('/index.html')).status).toBe(404);
  });
});
