import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { localize, messagesIn, SERVER_MESSAGES, type ServerMessages } from './messages.ts';
import { sv } from './sv.ts';

type Entry = string | ((...parameters: never[]) => string);

/** Every entry of a catalogue by its dotted key, e.g. "plans.alreadyAdopted". */
function entries(tree: object, prefix = ''): Map<string, Entry> {
  const found = new Map<string, Entry>();
  for (const [key, value] of Object.entries(tree) as [string, unknown][]) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || typeof value === 'function') found.set(path, value as Entry);
    else if (typeof value === 'object' && value !== null) for (const entry of entries(value, path)) found.set(...entry);
    else throw new Error(`${path} is neither a text, a message function nor a group`);
  }
  return found;
}

/** A parameter's stand-in, unlike any word of a message. */
const sentinel = (index: number) => `⟦${index}⟧`;

/** A function's text with every parameter a sentinel (the parameters are texts or numbers). */
function render(entry: Entry): string {
  if (typeof entry === 'string') return entry;
  const call = entry as (...parameters: string[]) => string;
  return call(...Array.from({ length: entry.length }, (_, index) => sentinel(index)));
}

describe('server messages', () => {
  const swedish = entries(sv);
  const english = entries(en);

  it('has every key in both languages, of the same kind', () => {
    expect([...english.keys()].sort()).toEqual([...swedish.keys()].sort());
    for (const [key, entry] of swedish) {
      const other = english.get(key)!;
      expect(typeof other, key).toBe(typeof entry);
      if (typeof entry === 'function') expect((other as () => string).length, key).toBe(entry.length);
    }
    expect(swedish.size).toBeGreaterThan(100);
  });

  it('has no empty text in either language', () => {
    for (const [key, entry] of [...swedish, ...english]) {
      const text = render(entry);
      expect(typeof text, key).toBe('string');
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('prints every parameter of a message in both languages', () => {
    for (const [language, catalogue] of [
      ['sv', swedish],
      ['en', english],
    ] as const) {
      for (const [key, entry] of catalogue) {
        if (typeof entry === 'string') continue;
        expect(entry.length, `${language} ${key}`).toBeGreaterThan(0);
        const text = render(entry);
        for (let index = 0; index < entry.length; index++)
          expect(text, `${language} ${key}`).toContain(sentinel(index));
      }
    }
  });

  it('gives a message in both languages, also one with parameters or built of several entries', () => {
    expect(localize((m) => m.plans.alreadyAdopted)).toEqual({
      sv: 'Planen är redan beslutad.',
      en: 'The plan has already been adopted.',
    });
    expect(localize((m) => m.auth.tooManyForAccount(1))).toEqual({
      sv: 'För många misslyckade inloggningar för kontot. Försök igen om 1 minut.',
      en: 'Too many failed sign-ins for this account. Try again in 1 minute.',
    });
    expect(localize((m) => m.auth.tooManyFromAddress(5))).toEqual({
      sv: 'För många misslyckade inloggningar från din adress. Försök igen om 5 minuter.',
      en: 'Too many failed sign-ins from your address. Try again in 5 minutes.',
    });
    expect(localize((m) => m.validation.mustBe(m.validation.formats.date))).toEqual({
      sv: 'Ska vara ett datum (ÅÅÅÅ-MM-DD).',
      en: 'Must be a date (YYYY-MM-DD).',
    });
    expect(localize((m, locale) => `${locale}: ${m.validation.doesNotExist}`)).toEqual({
      sv: 'sv: Finns inte.',
      en: 'en: Does not exist.',
    });
  });

  it('gives one language’s catalogue for a text written for one reader', () => {
    expect(messagesIn('sv')).toBe(sv);
    expect(messagesIn('en')).toBe(en);
    expect(SERVER_MESSAGES.en.digest.within(7)).toBe('Within 7 days');
  });

  it('holds the languages together in the type', () => {
    // A key missing from a language, an extra key or another parameter fails the build.
    // @ts-expect-error: plans.alreadyAdopted is missing
    const missing: ServerMessages = { ...en, plans: { ...en.plans, alreadyAdopted: undefined } };
    // @ts-expect-error: plans.extra is not in the Swedish catalogue
    const extra: ServerMessages = { ...en, plans: { ...en.plans, extra: 'Extra' } };
    // @ts-expect-error: plans.unitHasPlanFor takes a year (a number), not a text
    const otherParameter: ServerMessages = { ...en, plans: { ...en.plans, unitHasPlanFor: (year: string) => year } };
    expect([missing, extra, otherParameter]).toHaveLength(3);
  });
});
