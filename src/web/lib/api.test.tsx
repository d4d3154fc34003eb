import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, failFetch, json } from '../../../test/web/fake-fetch.ts';
import { api, apiAll, ApiError, apiPath, setApiLanguage, setCsrfToken } from './api.ts';

afterEach(() => {
  setCsrfToken(null);
  setApiLanguage('sv');
});

describe('apiPath: the address of an API call', () => {
  test('under /api/v1, with the query’s values that are set, encoded', () => {
    expect(apiPath('/plans')).toBe('/api/v1/plans');
    expect(apiPath('/plans', {})).toBe('/api/v1/plans');
    expect(
      apiPath('/reviews', { under: 'a b', year: 2026, includeArchived: false, statusId: undefined, x: null }),
    ).toBe('/api/v1/reviews?under=a+b&year=2026&includeArchived=false');
  });
});

describe('api: one call to the server', () => {
  test('a read asks for JSON in the interface language, without the CSRF token', async () => {
    setCsrfToken('token-1');
    setApiLanguage('en');
    const seen = answerFetch(() => json({ id: 'p1' }));
    await expect(api('/plans/p1')).resolves.toEqual({ id: 'p1' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: '/api/v1/plans/p1', method: 'GET', body: undefined });
    expect(seen[0]!.headers).toMatchObject({ accept: 'application/json', 'accept-language': 'en' });
    expect(seen[0]!.headers).not.toHaveProperty('x-csrf-token');
    expect(seen[0]!.headers).not.toHaveProperty('content-type');
  });

  test('a write sends its body as JSON with the CSRF token', async () => {
    setCsrfToken('token-1');
    const seen = answerFetch(() => json({ id: 'r1' }, 201));
    await api('/risks', { method: 'POST', body: { title: 'Brand' } });
    expect(seen[0]).toMatchObject({ method: 'POST', body: { title: 'Brand' } });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'token-1' });
  });

  test('204 No Content resolves with nothing', async () => {
    answerFetch(() => new Response(null, { status: 204 }));
    await expect(api('/reporting-calendar/events/e1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  test('a refusal becomes an ApiError with the server’s problem and its field messages', async () => {
    answerFetch(() =>
      json(
        {
          type: 'about:blank',
          title: 'Ogiltiga uppgifter',
          status: 400,
          detail: 'Rätta fälten.',
          errors: [{ path: 'title', message: 'Får inte vara tom.' }],
        },
        400,
      ),
    );
    const error = await api('/risks', { method: 'POST', body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const refusal = error as ApiError;
    expect(refusal.status).toBe(400);
    expect(refusal.message).toBe('Rätta fälten.');
    expect(refusal.fieldErrors('title')).toEqual(['Får inte vara tom.']);
    expect(refusal.fieldErrors('description')).toEqual([]);
  });

  test('a failure without problem details is named by its status', async () => {
    answerFetch(() => new Response('', { status: 502, statusText: 'Bad Gateway' }));
    const error = (await api('/plans').catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  });

  test('no answer at all is an ApiError with status 0 that says so in the interface language', async () => {
    failFetch();
    const swedish = (await api('/plans').catch((caught: unknown) => caught)) as ApiError;
    expect(swedish).toBeInstanceOf(ApiError);
    expect(swedish.problem).toMatchObject({ status: 0, title: 'Servern svarar inte' });
    setApiLanguage('en');
    const english = (await api('/plans').catch((caught: unknown) => caught)) as ApiError;
    expect(english.problem).toMatchObject({ status: 0, title: 'The server does not answer' });
  });

  test('a call given up (its signal aborted) fails as aborted, not as a server that does not answer', async () => {
    answerFetch(() => json({}));
    const controller = new AbortController();
    controller.abort();
    const error = await api('/plans', { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('apiAll: every page of a list', () => {
  test('asks page after page of 500 until it has the total', async () => {
    const all = Array.from({ length: 1100 }, (_, index) => ({ id: `u${index}` }));
    const seen = answerFetch((request) => {
      const offset = Number(new URLSearchParams(request.url.split('?')[1]).get('offset'));
      return json({ items: all.slice(offset, offset + 500), total: all.length });
    });
    const items = await apiAll<{ id: string }>('/users', { includeDeactivated: true });
    expect(items).toEqual(all);
    expect(seen.map((request) => request.url)).toEqual([
      '/api/v1/users?includeDeactivated=true&limit=500&offset=0',
      '/api/v1/users?includeDeactivated=true&limit=500&offset=500',
      '/api/v1/users?includeDeactivated=true&limit=500&offset=1000',
    ]);
  });

  test('stops at an empty page even if the total promised more', async () => {
    const seen = answerFetch(() => json({ items: [], total: 3 }));
    await expect(apiAll('/users')).resolves.toEqual([]);
    expect(seen).toHaveLength(1);
  });
});
