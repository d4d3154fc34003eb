import { describe, expect, test } from 'vitest';
import { DEFAULT_VOCABULARY, VOCABULARY_KINDS, vocabularyEntryValidIn, vocabularyKeyOf } from './vocabulary.ts';

describe("a new tenant's vocabularies", () => {
  test('cover every kind with unique keys and labels in both languages', () => {
    for (const kind of VOCABULARY_KINDS) {
      const entries = DEFAULT_VOCABULARY.filter((entry) => entry.kind === kind);
      expect(entries.length).toBeGreaterThan(2);
      expect(new Set(entries.map((entry) => entry.key)).size).toBe(entries.length);
      for (const entry of entries) {
        expect(entry.labelSv.trim()).not.toBe('');
        expect(entry.labelEn.trim()).not.toBe('');
      }
    }
  });

  test('have the three severities of deviations, the gravest reported at once', () => {
    const severities = DEFAULT_VOCABULARY.filter((entry) => entry.kind === 'deviation_severity');
    expect(severities.map((entry) => [entry.labelSv, entry.reportImmediately])).toEqual([
      ['Mindre väsentlig', false],
      ['Väsentlig', false],
      ['Mycket väsentlig', true],
    ]);
    for (const severity of severities) expect(severity.description).toBeTruthy();
  });

  test('name corruption among the risk categories and stickprov among the methods', () => {
    const labels = (kind: string) => DEFAULT_VOCABULARY.filter((entry) => entry.kind === kind).map((e) => e.labelSv);
    expect(labels('risk_category')).toContain('Oegentligheter och korruption');
    expect(labels('control_method')).toEqual(expect.arrayContaining(['Stickprov', 'Avstämning', 'Annan']));
    expect(labels('process')).toEqual(expect.arrayContaining(['Ekonomi', 'Upphandling', 'Myndighetsutövning']));
  });
});

describe('an entry', () => {
  const entry = { validFromYear: 2021, validToYear: 2023, archivedAt: null };

  test('is offered from its first to its last year, open-ended when a year is not set', () => {
    expect([2020, 2021, 2023, 2024].map((year) => vocabularyEntryValidIn(entry, year))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(vocabularyEntryValidIn({ validFromYear: null, validToYear: null, archivedAt: null }, 1990)).toBe(true);
    expect(vocabularyEntryValidIn({ ...entry, validToYear: null }, 2099)).toBe(true);
  });

  test('is not offered once archived', () => {
    expect(vocabularyEntryValidIn({ ...entry, archivedAt: new Date('2022-01-01') }, 2022)).toBe(false);
  });
});

describe('a key made from a label', () => {
  test('is lower-case ASCII words joined by hyphens', () => {
    expect(vocabularyKeyOf('IT och informationssäkerhet')).toBe('it-och-informationssakerhet');
    expect(vocabularyKeyOf('  Dokument- och ärendehantering ')).toBe('dokument-och-arendehantering');
    expect(vocabularyKeyOf('Ö')).toBe('o');
    expect(vocabularyKeyOf('???')).toBe('entry');
  });
});
