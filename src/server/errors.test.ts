import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { AppError, ERROR_CODES, preferredLocale, problemResponse, type ErrorCode } from './errors.ts';

// The HTTP contract's problems (RFC 9457) and the choice of language, on the functions themselves.

describe('the language of a reply', () => {
  test('Swedish unless the client prefers English: no header, an empty one, or neither language', () => {
    expect(preferredLocale(undefined)).toBe('sv');
    expect(preferredLocale('')).toBe('sv');
    expect(preferredLocale('de-DE, fr;q=0.8')).toBe('sv');
  });

  test('the first language the client names, by region too, whatever the case', () => {
    expect(preferredLocale('en')).toBe('en');
    expect(preferredLocale('EN-gb')).toBe('en');
    expect(preferredLocale('sv-SE, en')).toBe('sv');
    expect(preferredLocale('en-US,sv;q=0.9')).toBe('en');
    expect(preferredLocale('de, en-GB;q=0.8, sv;q=0.7')).toBe('en');
  });

  test('ranked by q, with spaces around the parts; q=0 means “not this one”', () => {
    expect(preferredLocale('sv;q=0.5, en;q=0.9')).toBe('en');
    expect(preferredLocale(' sv ; q=0.2 , en ; q=0.4 ')).toBe('en');
    expect(preferredLocale('en;level=1;q=0.3, sv;q=0.6')).toBe('sv');
    expect(preferredLocale('sv;q=0.6, en;level=1;q=0.9')).toBe('en');
    expect(preferredLocale('en;q=0, sv;q=0.1')).toBe('sv');
    expect(preferredLocale('sv;q=0, en;q=0.1')).toBe('en');
    expect(preferredLocale('en;q=0')).toBe('sv');
    // A tag is a language only at its start: "desv" is not Swedish, "fren" not English.
    expect(preferredLocale('desv, en;q=0.5')).toBe('en');
    expect(preferredLocale('fren, sv;q=0.5')).toBe('sv');
  });
});

describe('a problem reply', () => {
  async function problem(error: AppError, acceptLanguage?: string) {
    const app = new Hono().get('/', (c) => problemResponse(c, error));
    const reply = await app.request('/', { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
    return { status: reply.status, headers: reply.headers, body: (await reply.json()) as Record<string, unknown> };
  }

  test('type, title, status and a detail a person can read, in the asked language, as application/problem+json', async () => {
    const swedish = await problem(new AppError('not_found'));
    expect(swedish.status).toBe(404);
    expect(swedish.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(swedish.headers.get('content-language')).toBe('sv');
    expect(swedish.body).toEqual({
      type: 'urn:uppsikt:problem:not_found',
      title: 'Det finns inget här.',
      status: 404,
      detail: 'Det finns inte, eller så har du inte tillgång till det.',
    });
    const english = await problem(new AppError('not_found'), 'en');
    expect(english.headers.get('content-language')).toBe('en');
    expect(english.body).toMatchObject({
      title: 'There is nothing here.',
      detail: 'It does not exist, or you do not have access to it.',
    });
  });

  test('every code has its status and a default detail in both languages', async () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      for (const locale of ['sv', 'en'] as const) {
        const reply = await problem(new AppError(code), locale);
        expect(reply.status, code).toBe(ERROR_CODES[code].status);
        expect(reply.body.title, code).toBe(ERROR_CODES[code][locale]);
        expect(typeof reply.body.detail === 'string' && reply.body.detail.length > 0, code).toBe(true);
      }
    }
  });

  test('the thrower’s own detail wins, as one text or one per language', async () => {
    expect((await problem(new AppError('conflict', 'Planen är låst.'), 'en')).body.detail).toBe('Planen är låst.');
    const both = new AppError('forbidden', { sv: 'Nej.', en: 'No.' });
    expect((await problem(both)).body.detail).toBe('Nej.');
    expect((await problem(both, 'en')).body.detail).toBe('No.');
  });

  test('field errors are listed with their paths in the asked language, and the detail points to them', async () => {
    const error = new AppError('validation_failed', undefined, [
      { path: 'title', message: { sv: 'Måste anges.', en: 'Required.' } },
      { path: 'endDate', message: 'Ogiltigt datum.' },
    ]);
    expect((await problem(error)).body).toMatchObject({
      detail: 'Varje fel står vid sitt fält.',
      errors: [
        { path: 'title', message: 'Måste anges.' },
        { path: 'endDate', message: 'Ogiltigt datum.' },
      ],
    });
    expect((await problem(error, 'en')).body).toMatchObject({
      detail: 'Each problem is given with its field.',
      errors: [
        { path: 'title', message: 'Required.' },
        { path: 'endDate', message: 'Ogiltigt datum.' },
      ],
    });
    // Without field errors there is no list, and the general advice is the detail.
    const plain = await problem(new AppError('validation_failed'));
    expect(plain.body).not.toHaveProperty('errors');
    expect(plain.body.detail).toBe('Kontrollera uppgifterna och försök igen.');
    // Field errors on another code leave that code's own detail.
    const forbidden = await problem(new AppError('forbidden', undefined, [{ path: 'sortOrder', message: 'Nej.' }]));
    expect(forbidden.body).toMatchObject({
      detail: 'Dina roller ger inte rätt att göra detta här.',
      errors: [{ path: 'sortOrder', message: 'Nej.' }],
    });
  });

  test('extensions are members of the problem; Retry-After only on a rate limit that says how long', async () => {
    const limited = await problem(new AppError('rate_limited', undefined, [], { retryAfterSeconds: 90 }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('90');
    expect(limited.body.retryAfterSeconds).toBe(90);
    expect((await problem(new AppError('rate_limited'))).headers.get('retry-after')).toBeNull();
    expect(
      (await problem(new AppError('rate_limited', undefined, [], { retryAfterSeconds: 'soon' }))).headers.get(
        'retry-after',
      ),
    ).toBeNull();
    const conflict = await problem(
      new AppError('conflict', undefined, [], { retryAfterSeconds: 5, current: { version: 3 } }),
    );
    expect(conflict.headers.get('retry-after')).toBeNull();
    expect(conflict.body.current).toEqual({ version: 3 });
  });

  test('an AppError is named so in logs, with its English detail (or its code) as message', () => {
    expect(new AppError('forbidden', { sv: 'Nej.', en: 'No.' })).toMatchObject({ name: 'AppError', message: 'No.' });
    expect(new AppError('forbidden', 'Nej.').message).toBe('Nej.');
    expect(new AppError('not_found').message).toBe('not_found');
  });
});
