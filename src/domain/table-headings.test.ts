import { describe, expect, test } from 'vitest';
import { findHeaderRow, foldWords, recogniseColumns, recordsBelow } from './table-headings.ts';

const VOCABULARY = {
  name: ['Namn', 'Name'],
  email: ['E-post', 'E-postadress', 'Email'],
  unit: ['Enhet', 'Unit'],
} as const;

describe('headings people wrote themselves', () => {
  test('case, spaces, signs and å ä ö do not count', () => {
    expect(foldWords('  E-post adress ')).toBe('epostadress');
    expect(foldWords('ÖVERORDNAD ENHET')).toBe('overordnadenhet');
    expect(foldWords('Namn*:')).toBe('namn');
    expect(foldWords('Kod (valfri)')).toBe('kodvalfri');
  });

  test('each column gets the field its heading names; unknown and repeated headings are left out', () => {
    expect(recogniseColumns(['namn', 'Anställningsnummer', 'EPOST', 'e-post'], VOCABULARY)).toEqual([
      { column: 1, heading: 'namn', field: 'name' },
      { column: 2, heading: 'Anställningsnummer', field: null },
      { column: 3, heading: 'EPOST', field: 'email' },
      { column: 4, heading: 'e-post', field: null },
    ]);
  });

  test('the heading row may stand below a title; the row naming most fields wins', () => {
    const rows = [
      ['Personal 2026'],
      [],
      ['Namn', 'Anteckning'],
      ['Namn', 'E-postadress', 'Enhet'],
      ['Ada', 'ada@x.se', 'IT'],
    ];
    const match = findHeaderRow(rows, VOCABULARY, ['name']);
    expect(match?.rowIndex).toBe(3);
    expect(match?.columns.map((column) => column.field)).toEqual(['name', 'email', 'unit']);
  });

  test('no row is the heading row unless it names every required field', () => {
    expect(findHeaderRow([['Namn', 'Enhet']], VOCABULARY, ['name', 'email'])).toBeUndefined();
    expect(findHeaderRow([['Namn', 'Enhet']], VOCABULARY, ['name'])?.rowIndex).toBe(0);
  });

  test('only the first rows are searched for headings', () => {
    const rows = [...Array.from({ length: 5 }, () => ['text']), ['Namn', 'Email']];
    expect(findHeaderRow(rows, VOCABULARY, ['name'], 5)).toBeUndefined();
    expect(findHeaderRow(rows, VOCABULARY, ['name'], 6)?.rowIndex).toBe(5);
  });

  test('the records below keep their row numbers, leave out empty rows and unknown columns', () => {
    const rows = [
      ['Titel'],
      ['Namn', 'Övrigt', 'Email'],
      [' Ada ', 'x', 'ada@x.se'],
      ['', 'bara övrigt', ''],
      [],
      ['Bo'],
    ];
    const match = findHeaderRow(rows, VOCABULARY, ['name'])!;
    expect(recordsBelow(rows, match)).toEqual([
      { row: 3, values: { name: 'Ada', email: 'ada@x.se' } },
      { row: 6, values: { name: 'Bo', email: '' } },
    ]);
  });
});
