import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.ts';
import { securityHeaders } from './security-headers.ts';
import { createHarness, type Harness } from '../../../test/support/harness.ts';

function expectCommonHeaders(headers: Headers, frameAncestors = "'none'") {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('same-origin');
  const policy = headers.get('content-security-policy') ?? '';
  expect(policy).toContain(`frame-ancestors ${frameAncestors}`);
  return policy;
}

describe('security headers on every kind of response', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      })
    ).body.id;
    expect((await admin.post('/risks', { planId, title: 'Felaktiga utbetalningar' })).status).toBe(201);
  });
  afterAll(() => h.close());

  test('API JSON, problems and unknown /api paths: nothing may load, no framing, no HSTS over plain HTTP', async () => {
    const admin = await h.as('tenantAdmin');
    for (const reply of [
      await admin.get('/me'),
      await admin.get(`/plans/${h.tenant.unitA}`),
      await h.anonymous.get('/me'),
      await h.anonymous.post('/auth/login', '{"email":'),
    ]) {
      const policy = expectCommonHeaders(reply.headers);
      // Not the report preview's policy: JSON needs no styles, no images, nothing.
      expect(policy).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
      expect(reply.headers.get('strict-transport-security')).toBeNull();
    }
    const unknown = await h.app.request('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(expectCommonHeaders(unknown.headers)).toMatch(/^default-src 'none'/);
    expect(expectCommonHeaders((await h.app.request('/api/health/live')).headers)).toMatch(/^default-src 'none'/);
  });

  test('the HTML report preview may not run any script: no script-src, sandboxed', async () => {
    const reply = await (await h.as('tenantAdmin')).get(`/reports/plan?unit=${h.tenant.unitA}&period=2026&format=html`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('text/html');
    const policy = expectCommonHeaders(reply.headers);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("style-src 'unsafe-inline'");
    expect(policy).not.toContain('script-src');
    expect(policy).toMatch(/(^|; )sandbox($|;)/);
  });

  test('issued report files are sandboxed and not sniffed', async () => {
    const coordinator = await h.as('coordinator');
    const issued = await coordinator.post('/reports/plan/issue', {
      unitId: h.tenant.unitA,
      period: '2026',
      format: 'docx',
    });
    expect(issued.status).toBe(201);
    const file = await coordinator.get(`/issued-reports/${issued.body.id}/file`);
    expect(file.status).toBe(200);
    const policy = expectCommonHeaders(file.headers);
    expect(policy).toMatch(/^default-src 'none'/);
    expect(policy).toContain('sandbox');
    const pdf = await coordinator.get(`/reports/plan?unit=${h.tenant.unitA}&period=2026&format=md`);
    expect(expectCommonHeaders(pdf.headers)).toContain('sandbox');
  });

  test('/api/docs: Swagger UI loads its own script, styles and data: icons from this origin only', async () => {
    const page = await h.app.request('/api/docs');
    expect(page.status).toBe(200);
    const policy = expectCommonHeaders(page.headers);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).toContain("connect-src 'self'");
    // The page itself has no inline script, so the policy above lets it start.
    expect(await page.text()).not.toMatch(/<script>(?!<\/script>)/);
    const bundle = await h.app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    // Swagger UI's files under /api/docs/ have its policy, not the API's.
    expect(expectCommonHeaders(bundle.headers)).toBe(policy);
  });

  test('the web application page keeps its policy, now with the same common headers', async () => {
    const page = await h.app.request('/plans');
    expect(page.headers.get('content-type')).toContain('text/html');
    const policy = expectCommonHeaders(page.headers);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("form-action 'self'");
  });

  test('HSTS only over TLS: directly, or through a proxy that says so when TRUST_PROXY is set', async () => {
    const direct = await h.app.request('https://uppsikt.kommun.se/api/health/live');
    expect(direct.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const forwarded = { headers: { 'x-forwarded-proto': 'https' } };
    expect((await h.app.request('/api/health/live', forwarded)).headers.get('strict-transport-security')).toBeNull();
    const behindProxy = createApp({ database: h.database, clock: h.clock, security: { trustProxy: true } });
    expect((await behindProxy.request('/api/health/live', forwarded)).headers.get('strict-transport-security')).toBe(
      'max-age=31536000',
    );
    expect(
      (await behindProxy.request('/api/health/live', { headers: { 'x-forwarded-proto': 'http' } })).headers.get(
        'strict-transport-security',
      ),
    ).toBeNull();
  });

  test('frame-ancestors follows the configuration when embedding is allowed', async () => {
    const embeddable = createApp({
      database: h.database,
      clock: h.clock,
      security: { frameAncestors: "'self' https://intranat.kommun.se" },
    });
    for (const path of ['/api/health/live', '/api/docs', '/plans']) {
      const response = await embeddable.request(path);
      expectCommonHeaders(response.headers, "'self' https://intranat.kommun.se");
      expect(response.headers.get('x-frame-options')).toBeNull();
    }
  });
});

describe('the security headers without configuration', () => {
  /** A bare app with the middleware and one JSON route, whose handler may set X-Frame-Options itself. */
  const appWith = (middleware: ReturnType<typeof securityHeaders>) =>
    new Hono().use(middleware).get('/api/x', (c) => {
      c.header('x-frame-options', 'SAMEORIGIN');
      return c.json({});
    });

  test('by default no page may frame a response, and X-Forwarded-Proto is not believed', async () => {
    const reply = await appWith(securityHeaders()).request('/api/x', { headers: { 'x-forwarded-proto': 'https' } });
    expect(reply.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
    expect(reply.headers.get('strict-transport-security')).toBeNull();
  });

  test('when embedding is allowed, an X-Frame-Options that would forbid it is removed', async () => {
    const reply = await appWith(securityHeaders({ frameAncestors: 'https://intranat.kommun.se' })).request('/api/x');
    expect(reply.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors https://intranat.kommun.se; sandbox",
    );
    expect(reply.headers.get('x-frame-options')).toBeNull();
  });
});
