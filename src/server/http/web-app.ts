import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import type { Hono } from 'hono';

// The web application built by Vite into dist/web: hashed assets cached for a year, and
// index.html for every other address so that the browser-side router can show the page.

// Its security headers (CSP, nosniff, Referrer-Policy) are set for every response in security-headers.ts.

const NOT_BUILT = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Uppsikt</title></head>
<body><main>
<h1>Webbgränssnittet är inte byggt</h1>
<p>Kör <code>npm run build</code> (eller <code>npm start</code>) och ladda om sidan. API:t fungerar redan: <a href="/api/docs">/api/docs</a>.</p>
<h2 lang="en">The web application is not built</h2>
<p lang="en">Run <code>npm run build</code> (or <code>npm start</code>) and reload the page. The API already works: <a href="/api/docs">/api/docs</a>.</p>
</main></body></html>`;

/** Serves the built web application from `root` on every GET that is not under /api. */
export function mountWebApp(app: Hono, root: string) {
  const indexFile = join(root, 'index.html');
  let indexHtml: string | null = null;
  const readIndex = () => (indexHtml ??= existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null);

  app.use('/assets/*', async (c, next) => {
    await next();
    // Asset names carry a hash of their content: a changed file gets a new name.
    if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
  });
  // Scripts and styles travel gzip-compressed to browsers that accept it (all do): a fifth of the bytes.
  app.use('/assets/*', compress());
  app.use('/assets/*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return next();
    const html = readIndex();
    c.header('cache-control', 'no-cache');
    if (html === null) return c.html(NOT_BUILT, 503);
    return c.html(html);
  });
}
