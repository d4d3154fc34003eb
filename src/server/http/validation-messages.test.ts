import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromIssues } from './validation-messages.ts';

// What a person is told when a field is wrong: every kind of problem Zod reports, in Swedish and
// English, at the field's own path. Real schemas, so a change in how Zod reports shows here.

/** The field errors of `input` under `schema` (which must refuse it). */
const errorsOf = (schema: z.ZodType, input: unknown, prefix?: string[]) => {
  const result = schema.safeParse(input);
  expect(result.success, 'the schema should refuse the input').toBe(false);
  return fieldErrorsFromIssues(result.error!.issues, input, prefix);
};
const only = (schema: z.ZodType, input: unknown) => {
  const errors = errorsOf(schema, input);
  expect(errors).toHaveLength(1);
  return errors[0]!;
};

describe('a field of the wrong kind, or missing', () => {
  test('a missing field: "Måste anges." at its path', () => {
    expect(only(z.strictObject({ title: z.string() }), {})).toEqual({
      path: 'title',
      message: { sv: 'Måste anges.', en: 'Is required.' },
    });
  });

  test('a value of the wrong kind names the kind expected, in the user’s words', () => {
    const cases: Array<[z.ZodType, unknown, string, string]> = [
      [z.string(), 5, 'Ska vara text.', 'Must be text.'],
      [z.number(), 'x', 'Ska vara ett tal.', 'Must be a number.'],
      [z.boolean(), 'ja', 'Ska vara sant eller falskt.', 'Must be true or false.'],
      [z.array(z.string()), 'a', 'Ska vara en lista.', 'Must be a list.'],
      [z.object({}), [], 'Ska vara ett objekt.', 'Must be an object.'],
      [z.date(), 'x', 'Ska vara ett datum.', 'Must be a date.'],
    ];
    for (const [schema, value, sv, en] of cases)
      expect(only(z.strictObject({ field: schema }), { field: value })).toEqual({ path: 'field', message: { sv, en } });
    // A null where a value is required is a wrong kind, not a missing field.
    expect(only(z.strictObject({ field: z.string() }), { field: null }).message).toEqual({
      sv: 'Ska vara text.',
      en: 'Must be text.',
    });
  });

  test('a kind without a name of ours is shown as Zod names it', () => {
    expect(only(z.strictObject({ field: z.bigint() }), { field: 1 }).message).toEqual({
      sv: 'Ska vara bigint.',
      en: 'Must be bigint.',
    });
  });
});

describe('a value out of its limits', () => {
  test('text: empty, too short, too long', () => {
    expect(only(z.string().min(1), '').message).toEqual({ sv: 'Får inte vara tomt.', en: 'Must not be empty.' });
    expect(only(z.string().min(3), 'ab').message).toEqual({
      sv: 'Ska ha minst 3 tecken.',
      en: 'Must have at least 3 characters.',
    });
    expect(only(z.string().max(5), 'abcdef').message).toEqual({
      sv: 'Får ha högst 5 tecken.',
      en: 'Must have at most 5 characters.',
    });
  });

  test('lists: too few, too many entries', () => {
    expect(only(z.array(z.string()).min(1), []).message).toEqual({
      sv: 'Ska ha minst 1 poster.',
      en: 'Must have at least 1 entries.',
    });
    expect(only(z.array(z.string()).min(2), ['a']).message).toEqual({
      sv: 'Ska ha minst 2 poster.',
      en: 'Must have at least 2 entries.',
    });
    expect(only(z.array(z.string()).max(2), ['a', 'b', 'c']).message).toEqual({
      sv: 'Får ha högst 2 poster.',
      en: 'Must have at most 2 entries.',
    });
  });

  test('numbers: below, above, a whole number, a multiple', () => {
    expect(only(z.number().min(1), 0).message).toEqual({ sv: 'Ska vara minst 1.', en: 'Must be at least 1.' });
    expect(only(z.number().max(5), 6).message).toEqual({ sv: 'Får vara högst 5.', en: 'Must be at most 5.' });
    expect(only(z.number().int(), 1.5).message).toEqual({ sv: 'Ska vara ett heltal.', en: 'Must be a whole number.' });
    expect(only(z.number().multipleOf(5), 7).message).toEqual({
      sv: 'Ska vara en multipel av 5.',
      en: 'Must be a multiple of 5.',
    });
  });
});

describe('a value in the wrong form or outside its list', () => {
  test('formats: an id, an e-mail address, a date, a time, a pattern', () => {
    expect(only(z.uuid(), 'x').message).toEqual({ sv: 'Ska vara ett id (UUID).', en: 'Must be an id (UUID).' });
    expect(only(z.email(), 'x').message).toEqual({ sv: 'Ska vara en e-postadress.', en: 'Must be an e-mail address.' });
    expect(only(z.iso.date(), '2026-13-01').message).toEqual({
      sv: 'Ska vara ett datum (ÅÅÅÅ-MM-DD).',
      en: 'Must be a date (YYYY-MM-DD).',
    });
    expect(only(z.iso.datetime(), 'igår').message).toEqual({
      sv: 'Ska vara en tidpunkt (ISO 8601).',
      en: 'Must be a time (ISO 8601).',
    });
    expect(only(z.string().regex(/^\d{4}$/), 'abc').message).toEqual({
      sv: 'Ska vara rätt format.',
      en: 'Must be the right format.',
    });
    // A format without a name of ours is "the right format" too.
    expect(only(z.url(), 'inte en adress').message).toEqual({
      sv: 'Ska vara rätt format.',
      en: 'Must be the right format.',
    });
  });

  test('a value outside a fixed list names every allowed value', () => {
    expect(only(z.enum(['open', 'closed']), 'done').message).toEqual({
      sv: 'Ska vara ett av: "open", "closed".',
      en: 'Must be one of: "open", "closed".',
    });
    expect(only(z.literal(3), 4).message).toEqual({ sv: 'Ska vara ett av: 3.', en: 'Must be one of: 3.' });
  });

  test('a rule of our own says what its author wrote, in both languages when both are given', () => {
    const bilingual = z
      .string()
      .refine((value) => value.startsWith('K'), { params: { sv: 'Ska börja med K.', en: 'Must start with K.' } });
    expect(only(bilingual, 'x').message).toEqual({ sv: 'Ska börja med K.', en: 'Must start with K.' });
    const swedishOnly = z
      .string()
      .refine((value) => value.startsWith('K'), { message: 'Fel början.', params: { sv: 'Ska börja med K.' } });
    expect(only(swedishOnly, 'x').message).toEqual({ sv: 'Fel början.', en: 'Fel början.' });
    const englishOnly = z
      .string()
      .refine((value) => value.startsWith('K'), { message: 'Wrong start.', params: { en: 'Must start with K.' } });
    expect(only(englishOnly, 'x').message).toEqual({ sv: 'Wrong start.', en: 'Wrong start.' });
  });

  test('anything else: "Värdet är inte giltigt."', () => {
    // A key of a record that breaks the keys' own rule (invalid_key).
    expect(only(z.record(z.string().min(2), z.number()), { b: 1 }).message).toEqual({
      sv: 'Värdet är inte giltigt.',
      en: 'The value is not valid.',
    });
  });
});

describe('where each error is reported', () => {
  test('an unknown field is reported at its own path, each one; nested paths are dotted', () => {
    expect(errorsOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 })).toEqual([
      { path: 'b', message: { sv: 'Okänt fält.', en: 'Unknown field.' } },
      { path: 'c', message: { sv: 'Okänt fält.', en: 'Unknown field.' } },
    ]);
    expect(
      errorsOf(z.strictObject({ checkpoints: z.array(z.strictObject({ date: z.string() })) }), {
        checkpoints: [{ date: 'x' }, { date: 'y', extra: true }],
      }),
    ).toEqual([{ path: 'checkpoints.1.extra', message: { sv: 'Okänt fält.', en: 'Unknown field.' } }]);
  });

  test('a value that fits none of a union’s forms: one error at the field', () => {
    expect(errorsOf(z.strictObject({ due: z.union([z.iso.date(), z.null()]) }), { due: 5 })).toEqual([
      { path: 'due', message: { sv: 'Värdet är inte giltigt.', en: 'The value is not valid.' } },
    ]);
  });

  test('a missing field deep inside is missing, a wrong one is of the wrong kind: the value is read at the issue’s path', () => {
    const schema = z.strictObject({ items: z.array(z.strictObject({ title: z.string() })) });
    expect(errorsOf(schema, { items: [{ title: 'a' }, {}, { title: 4 }] })).toEqual([
      { path: 'items.1.title', message: { sv: 'Måste anges.', en: 'Is required.' } },
      { path: 'items.2.title', message: { sv: 'Ska vara text.', en: 'Must be text.' } },
    ]);
    // Below a value that is not an object, nothing is there: missing.
    expect(errorsOf(z.strictObject({ items: z.string() }), { items: 3 })[0]!.path).toBe('items');
  });

  test('errors of a part of the input are reported under its prefix', () => {
    expect(errorsOf(z.strictObject({ title: z.string() }), { title: 1 }, ['query'])).toEqual([
      { path: 'query.title', message: { sv: 'Ska vara text.', en: 'Must be text.' } },
    ]);
    expect(errorsOf(z.strictObject({ title: z.string() }), { title: 1, x: 1 }, ['body', 'plan'])).toEqual([
      { path: 'body.plan.title', message: { sv: 'Ska vara text.', en: 'Must be text.' } },
      { path: 'body.plan.x', message: { sv: 'Okänt fält.', en: 'Unknown field.' } },
    ]);
  });
});
