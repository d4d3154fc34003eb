import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';

// Swagger UI is served from the installed package, never from a CDN: municipal networks often
// block them, and the docs must work on a machine without internet access.
const require = createRequire(import.meta.url);
const assetsFolder = dirname(require.resolve('swagger-ui-dist/package.json'));

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Uppsikt API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>`;

const START = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, withCredentials: true, validatorUrl: null });`;

/** The browsable API reference at /api/docs, generated from /api/v1/openapi.json. */
export function apiDocsRoutes() {
  const router = new Hono();
  const cache = new Map<string, string>();
  // Stryker disable next-line StringLiteral: equivalent, mounted at /api/docs both '' and '/' answer /api/docs (and /api/docs/)
  router.get('/', (c) => c.html(PAGE));
  router.get('/start.js', (c) => c.body(START, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  router.get('/:asset', (c) => {
    const asset = c.req.param('asset');
    const type = ASSETS[asset];
    if (!type) return c.notFound();
    let body = cache.get(asset);
    // Stryker disable next-line ConditionalExpression: equivalent in what is served, the cache only spares reading the file again
    if (body === undefined) {
      body = readFileSync(join(assetsFolder, asset), 'utf8');
      cache.set(asset, body);
    }
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  return router;
}
