import { describe, expect, test } from 'vitest';
import { blankToNull, formatDate, formatDateTime, formatNumber, plainValue, textCollator } from './format.ts';

describe('dates, numbers and order in the interface language', () => {
  test('a calendar date is the same day in every time zone, written as the locale writes it', () => {
    expect(formatDate('2026-03-31', 'sv-SE')).toBe('31 mars 2026');
    expect(formatDate('2026-03-31', 'en-GB')).toBe('31 Mar 2026');
    expect(formatDate('2026-01-01T23:30:00Z', 'sv-SE')).toBe('1 jan. 2026');
  });

  test('nothing is a dash; what is not a date is shown as given', () => {
    expect(formatDate(null, 'sv-SE')).toBe('–');
    expect(formatDate('', 'sv-SE')).toBe('–');
    expect(formatDate('okänt', 'sv-SE')).toBe('okänt');
  });

  test('a moment is shown in Swedish time', () => {
    expect(formatDateTime('2026-06-30T22:30:00Z', 'sv-SE')).toBe('1 juli 2026 00:30');
    expect(formatDateTime(undefined, 'sv-SE')).toBe('–');
  });

  test('numbers after the locale, nothing as a dash', () => {
    expect(formatNumber(1234.5, 'sv-SE').replace(/\s/g, ' ')).toBe('1 234,5');
    expect(formatNumber(1234.5, 'en-GB')).toBe('1,234.5');
    expect(formatNumber(0, 'sv-SE')).toBe('0');
    expect(formatNumber(null, 'sv-SE')).toBe('–');
  });

  test('Swedish order puts å, ä and ö after z and reads numbers as numbers', () => {
    expect(['Örebro', 'Arboga', 'Åre', 'Ängelholm', 'Zinkgruvan'].sort(textCollator('sv-SE'))).toEqual([
      'Arboga',
      'Zinkgruvan',
      'Åre',
      'Ängelholm',
      'Örebro',
    ]);
    expect(['Enhet 10', 'Enhet 2'].sort(textCollator('sv-SE'))).toEqual(['Enhet 2', 'Enhet 10']);
  });
});

describe('values as plain text and form text as the API takes it', () => {
  test('plainValue: lists joined, nothing as a dash, objects as JSON', () => {
    expect(plainValue(null)).toBe('–');
    expect(plainValue('')).toBe('–');
    expect(plainValue('text')).toBe('text');
    expect(plainValue(3)).toBe('3');
    expect(plainValue(false)).toBe('false');
    expect(plainValue(['a', null, 2])).toBe('a, –, 2');
    expect(plainValue([])).toBe('–');
    expect(plainValue({ a: 1 })).toBe('{"a":1}');
  });

  test('blankToNull: only spaces is nothing; other text is kept as written', () => {
    expect(blankToNull('')).toBeNull();
    expect(blankToNull('   ')).toBeNull();
    expect(blankToNull(' text ')).toBe(' text ');
  });
});
