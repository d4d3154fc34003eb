import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import { plans } from '../db/schema/plans.ts';
import { createHarness, type Harness, type Reply } from '../../../test/support/harness.ts';
import { badTextIn, badTextInJson, textGuard } from './text-guard.ts';

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
    const reply = await h.anonymous.post(
      '/auth/login',
      `{"email":"kommunadmin-${h.suffix}@example.se${NUL}","password":"x"}`,
    );
    expectBadText(reply, 'email');
    const english = await h.anonymous.post('/auth/login', `{"email":"a${NUL}@example.se","password":"x"}`, {
      'accept-language': 'en',
    });
    expect(english.body.errors[0].message).toBe('Must not contain the NUL character (U+0000).');
    const swedish = await h.anonymous.post('/auth/login', `{"email":"a${NUL}@example.se","password":"x"}`);
    expect(swedish.body.errors[0].message).toBe('Får inte innehålla nolltecknet (U+0000).');
  });

  test('a lone surrogate in the sign-in password is refused the same way', async () => {
    expectBadText(
      await h.anonymous.post('/auth/login', `{"email":"a@example.se","password":"x${LONE_HIGH}"}`),
      'password',
    );
    expectBadText(
      await h.anonymous.post('/auth/login', `{"email":"a@example.se","password":"${LONE_LOW}x"}`),
      'password',
    );
  });

  test('a write with NUL in a field is refused and writes nothing', async () => {
    const admin = await h.as('tenantAdmin');
    const before = await h.db.select({ n: count() }).from(plans).where(eq(plans.tenantId, h.tenant.tenantId));
    const reply = await admin.post(
      '/plans',
      `{"unitId":"${h.tenant.unitA}","kind":"internal_control","title":"IK-plan${NUL}","startYear":2026}`,
    );
    expectBadText(reply, 'title');
    const after = await h.db.select({ n: count() }).from(plans).where(eq(plans.tenantId, h.tenant.tenantId));
    expect(after).toEqual(before);
  });

  test('nested values and keys are named by their path', async () => {
    const admin = await h.as('tenantAdmin');
    expectBadText(
      await admin.post('/plans', `{"title":"ok","extra":{"list":["fine","bad${LONE_HIGH}"]}}`),
      'extra.list.1',
    );
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
    const reply = await admin.post('/plans', {
      unitId: h.tenant.unitA,
      kind: 'internal_control',
      title: 'Plan för åtgärder 😀',
      startYear: 2026,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.title).toBe('Plan för åtgärder 😀');
  });
});

// The same rules on the guard itself, in front of a bare app: no database, so each case is quick
// and states one rule.

const NUL_TEXT = { sv: 'Får inte innehålla nolltecknet (U+0000).', en: 'Must not contain the NUL character (U+0000).' };
const SURROGATE_TEXT = {
  sv: 'Innehåller ett ogiltigt tecken (en ensam halva av ett UTF-16-teckenpar).',
  en: 'Contains an invalid character (an unpaired UTF-16 surrogate).',
};

describe('which text is bad', () => {
  test('every code unit is looked at, up to the last; the edges of each surrogate range count', () => {
    expect(badTextIn('')).toBeNull();
    expect(badTextIn('\u0000')).toEqual(NUL_TEXT);
    expect(badTextIn('abc\u0000')).toEqual(NUL_TEXT);
    expect(badTextIn('\u0001\ud7ff\ue000\uffff')).toBeNull();
    for (const lone of ['\ud800', '\udbff', '\udc00', '\udfff', 'x\ud800y', 'x\udfffy'])
      expect(badTextIn(lone), escape(lone)).toEqual(SURROGATE_TEXT);
    // Pairs at both ends of the ranges are one character.
    for (const pair of ['\ud800\udc00', '\udbff\udfff', '\ud800\udfff', '\udbff\udc00'])
      expect(badTextIn(pair), escape(pair)).toBeNull();
    // A high half followed by something that is not a low half, or by a second high half.
    expect(badTextIn('\ud800\ue000')).toEqual(SURROGATE_TEXT);
    expect(badTextIn('\ud800\ud800\udc00')).toEqual(SURROGATE_TEXT);
    // A pair consumes its low half: a NUL right after a pair is still found.
    expect(badTextIn('\ud83d\ude00\u0000')).toEqual(NUL_TEXT);
  });

  test('a JSON value: each bad string and key named by its dotted path, in the order they appear', () => {
    expect(
      badTextInJson({ title: 'ok', list: ['a', 'b\u0000', { deep: '\udc00' }], n: 1, flag: true, none: null }),
    ).toEqual([
      { path: 'list.1', message: NUL_TEXT },
      { path: 'list.2.deep', message: SURROGATE_TEXT },
    ]);
    expect(badTextInJson(['\u0000', 'ok', '\ud800'])).toEqual([
      { path: '0', message: NUL_TEXT },
      { path: '2', message: SURROGATE_TEXT },
    ]);
    expect(badTextInJson('\u0000')).toEqual([{ path: '', message: NUL_TEXT }]);
    expect(badTextInJson({ a: 'x', b: 'y' })).toEqual([]);
  });

  test('a bad key is named with U+FFFD in place of its bad characters, and what is below it is not looked at', () => {
    expect(badTextInJson({ ['k\u0000y']: { inner: '\u0000' }, good: { ['\ud800']: 1 } })).toEqual([
      { path: 'k\ufffdy', message: NUL_TEXT },
      { path: 'good.\ufffd', message: SURROGATE_TEXT },
    ]);
  });

  test('at most 20 problems are collected, however many the input holds', () => {
    expect(badTextInJson(Array.from({ length: 50 }, () => '\u0000'))).toHaveLength(20);
    expect(badTextInJson(Array.from({ length: 19 }, () => '\u0000'))).toHaveLength(19);
  });

  test('deeply nested input does not overflow the stack', () => {
    let value: unknown = '\u0000';
    for (let depth = 0; depth < 100_000; depth++) value = [value];
    expect(badTextInJson(value)).toHaveLength(1);
  });
});

describe('the guard in front of an app', () => {
  const app = new Hono();
  app.onError((error, c) =>
    error instanceof AppError
      ? c.json({ code: error.code, detail: error.detail, errors: error.errors }, 400)
      : c.json({ crash: String(error) }, 500),
  );
  app.use('*', textGuard());
  app.get('/plans/:id', (c) => c.json({ id: c.req.param('id') }));
  app.get('/plans/:planId/risks/:riskId', (c) => c.json({ ok: true }));
  app.post('/plans/:id', (c) => c.json({ ok: true }));
  app.get('/optional/:name?', (c) => c.json({ ok: true }));
  app.get('/numbered/:number{.+}', (c) => c.json({ ok: true }));
  app.get('/files/:folder/*', (c) => c.json({ ok: true }));
  app.post('/items', async (c) => c.json({ body: await c.req.text() }));
  app.get('/search', (c) => c.json({ q: c.req.queries() }));

  const send = async (path: string, init?: RequestInit) => {
    const response = await app.request(path, init);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const post = (body: string, contentType = 'application/json') =>
    send('/items', { method: 'POST', headers: { 'content-type': contentType }, body });

  test('good requests pass through untouched', async () => {
    expect(await send('/plans/abc')).toEqual({ status: 200, body: { id: 'abc' } });
    expect(await post('{"title":"Åtgärd 😀"}')).toEqual({ status: 200, body: { body: '{"title":"Åtgärd 😀"}' } });
    expect((await post('')).status).toBe(200);
    expect((await post('  \n ')).status).toBe(200);
  });

  test('a path parameter is named by the route, by position; a segment outside a parameter is "path"', async () => {
    expect(await send('/plans/a%00b')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'id', message: NUL_TEXT }] },
    });
    expect((await send('/plans/p/risks/r%00')).body.errors).toEqual([{ path: 'riskId', message: NUL_TEXT }]);
    expect((await send('/plans/p%00/risks/r')).body.errors).toEqual([{ path: 'planId', message: NUL_TEXT }]);
    expect((await send('/pl%00ans/p')).body.errors).toEqual([{ path: 'path', message: NUL_TEXT }]);
    expect((await send('/unknown%00/x/y')).body.errors).toEqual([{ path: 'path', message: NUL_TEXT }]);
    // An optional parameter, or one with a pattern, is named without its marks.
    expect((await send('/optional/a%00')).body.errors).toEqual([{ path: 'name', message: NUL_TEXT }]);
    expect((await send('/numbered/1%00')).body.errors).toEqual([{ path: 'number', message: NUL_TEXT }]);
    // When the route's shape is not the path's (a wildcard), positions are not guessed.
    expect((await send('/files/x%00/y/z')).body.errors).toEqual([{ path: 'path', message: NUL_TEXT }]);
    // The detail says what is wrong as a whole.
    expect((await send('/plans/a%00b')).body.detail).toEqual({
      sv: 'Texten innehåller tecken som inte får förekomma.',
      en: 'The text contains characters that are not allowed.',
    });
  });

  test('the path is decoded once: an encoded percent sign is text, a broken escape is left as sent', async () => {
    expect((await send('/plans/a%2500b')).status).toBe(200);
    expect((await send('/plans/a%E0%A4%A')).status).toBe(200);
  });

  test('query parameters: each value and each key; one error per parameter however many values are bad', async () => {
    expect((await send('/search?q=ok&q=x%00&q=y%00')).body.errors).toEqual([{ path: 'q', message: NUL_TEXT }]);
    expect((await send('/search?a%00b=1&ok=2')).body.errors).toEqual([{ path: 'a\ufffdb', message: NUL_TEXT }]);
    expect(
      (await send('/search?first=%00&second=ok&third=%00')).body.errors.map((error: { path: string }) => error.path),
    ).toEqual(['first', 'third']);
    expect((await send('/search?q=ok&r=fine')).status).toBe(200);
  });

  test('a JSON body of any JSON media type is read and checked; another type is not', async () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/problem+json',
      'application/merge-patch+json',
      'application/json ;charset=utf-8',
    ]) {
      expect((await post('{"title":"x\\u0000"}', type)).body.errors, type).toEqual([
        { path: 'title', message: NUL_TEXT },
      ]);
    }
    for (const type of [
      'text/plain',
      'application/jsonx',
      'text/json',
      'application/x-json-stream',
      'xapplication/json',
    ]) {
      expect((await post('{"title":"x\\u0000"}', type)).status, type).toBe(200);
    }
  });

  test('a body that is not JSON: 400 saying so, not 500', async () => {
    for (const body of ['{"title":', '{x}', 'nej']) {
      expect(await post(body)).toEqual({
        status: 400,
        body: {
          code: 'validation_failed',
          detail: { sv: 'Innehållet är inte giltig JSON.', en: 'The content is not valid JSON.' },
          errors: [],
        },
      });
    }
  });

  test('problems in the path, the query and the body are all reported together', async () => {
    const reply = await send('/plans/a%00?q=%00', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title":"\\ud800"}',
    });
    expect(reply.body.errors.map((error: { path: string }) => error.path)).toEqual(['id', 'q', 'title']);
  });
});
