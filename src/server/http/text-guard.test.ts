import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { plans } from '../db/schema/plans.ts';
import { createHarness, type Harness, type Reply } from './test-harness.ts';
import { badTextIn } from './text-guard.ts';

// JSON text with escapes that JSON.stringify would never write: a NUL and lone surrogates.
const NUL = '\\u0000';
const LONE_HIGH = '\\ud800';
const LONE_LOW = '\\udc00';

function expectBadText(reply: Reply, path: string) {
  expect(reply.status).toBe(400);
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
  expect(reply.body.type).toBe('urn:uppsikt:problem:validation_failed');
  expect(reply.body.detail).toBeTruthy();
  expect(reply.body.errors.map((error: { path: string }) => error.path)).toContain(path);
}

describe('NUL and lone surrogates are refused with 400 naming the field, on every endpoint', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('badTextIn accepts paired surrogates (emoji) and refuses NUL and either half alone', () => {
    expect(badTextIn('Åtgärd 😀 klar')).toBeNull();
    expect(badTextIn('a\u0000b')).not.toBeNull();
    expect(badTextIn('a\ud800')).not.toBeNull();
    expect(badTextIn('\udc00a')).not.toBeNull();
    expect(badTextIn('\ud83d\ud83d')).not.toBeNull();
  });

  test('the sign-in e-mail with NUL gives 400 naming email, without signing in', async () => {
    const reply = await h.anonymous.post('/auth/login', `{"email":"kommunadmin-${h.suffix}@example.se${NUL}","password":"x"}`);
    expectBadText(reply, 'email');
    const english = await h.anonymous.post('/auth/login', `{"email":"a${NUL}@example.se","password":"x"}`, { 'accept-language': 'en' });
    expect(english.body.errors[0].message).toBe('Must not contain the NUL character (U+0000).');
    const swedish = await h.anonymous.post('/auth/login', `{"email":"a${NUL}@example.se","password":"x"}`);
    expect(swedish.body.errors[0].message).toBe('Får inte innehålla nolltecknet (U+0000).');
  });

  test('a lone surrogate in the sign-in password is refused the same way', async () => {
    expectBadText(await h.anonymous.post('/auth/login', `{"email":"a@example.se","password":"x${LONE_HIGH}"}`), 'password');
    expectBadText(await h.anonymous.post('/auth/login', `{"email":"a@example.se","password":"${LONE_LOW}x"}`), 'password');
  });

  test('a write with NUL in a field is refused and writes nothing', async () => {
    const admin = await h.as('tenantAdmin');
    const before = await h.db.select({ n: count() }).from(plans).where(eq(plans.tenantId, h.tenant.tenantId));
    const reply = await admin.post('/plans', `{"unitId":"${h.tenant.unitA}","kind":"internal_control","title":"IK-plan${NUL}","startYear":2026}`);
    expectBadText(reply, 'title');
    const after = await h.db.select({ n: count() }).from(plans).where(eq(plans.tenantId, h.tenant.tenantId));
    expect(after).toEqual(before);
  });

  test('nested values and keys are named by their path', async () => {
    const admin = await h.as('tenantAdmin');
    expectBadText(await admin.post('/plans', `{"title":"ok","extra":{"list":["fine","bad${LONE_HIGH}"]}}`), 'extra.list.1');
    expectBadText(await admin.post('/plans', `{"title":"ok","nyckel${NUL}":1}`), 'nyckel\ufffd');
  });

  test('query parameters and path parameters are checked too', async () => {
    const admin = await h.as('tenantAdmin');
    expectBadText(await admin.get(`/reports/plan?unit=${h.tenant.unitA}&period=2026%00&format=md`), 'period');
    expectBadText(await admin.get(`/plans/${h.tenant.unitA}%00`), 'id');
  });

  test('malformed JSON gives 400, not 500', async () => {
    const admin = await h.as('tenantAdmin');
    for (const body of ['{"title":', '{title: 1}', '[1,]', '\u0000']) {
      const reply = await admin.post('/plans', body);
      expect(reply.status).toBe(400);
      expect(reply.body.detail).toBe('Innehållet är inte giltig JSON.');
    }
    expect((await h.anonymous.post('/auth/login', '{"email":')).status).toBe(400);
  });

  test('a body over the limit is still 413, also when it is streamed without a length', async () => {
    const admin = await h.as('tenantAdmin');
    const huge = `{"title":"${'x'.repeat(1_100_000)}"}`;
    expect((await admin.post('/plans', huge)).status).toBe(413);
    const streamed = await h.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([huge]).stream(),
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
  });

  test('good text with emoji and Swedish letters passes through', async () => {
    const admin = await h.as('tenantAdmin');
    const reply = await admin.post('/plans', { unitId: h.tenant.unitA, kind: 'internal_control', title: 'Plan för åtgärder 😀', startYear: 2026 });
    expect(reply.status).toBe(201);
    expect(reply.body.title).toBe('Plan för åtgärder 😀');
  });
});
