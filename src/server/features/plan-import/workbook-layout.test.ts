import { describe, expect, test } from 'vitest';
import { foldWords } from '../../../domain/table-headings.ts';
import { SERVER_MESSAGES } from '../../messages/messages.ts';
import { joinList, SHEET_COLUMNS, sheetsOf, splitList } from './workbook-layout.ts';

describe('the lists of one cell', () => {
  test('names are joined with commas, or semicolons when a name holds a comma, and split back the same', () => {
    expect(joinList(['Anna Andersson', 'Bo Berg'])).toBe('Anna Andersson, Bo Berg');
    expect(joinList(['Andersson, Anna', 'Bo Berg'])).toBe('Andersson, Anna; Bo Berg');
    for (const names of [['Anna Andersson', 'Bo Berg'], ['Andersson, Anna', 'Bo Berg'], ['Ensam'], []])
      expect(splitList(joinList(names))).toEqual(names);
  });

  test('a cell a person wrote is split on line breaks first, then semicolons, then commas; empty parts left out', () => {
    expect(splitList('Anna\nBo, Berg\n')).toEqual(['Anna', 'Bo, Berg']);
    expect(splitList('Anna ;; Bo')).toEqual(['Anna', 'Bo']);
    expect(splitList(' 2020-03-01 ,2020-06-01')).toEqual(['2020-03-01', '2020-06-01']);
    expect(splitList('')).toEqual([]);
  });
});

describe('the sheets', () => {
  test('every kind of plan has its sheets, and no two columns of a sheet share a heading in any language', () => {
    expect(sheetsOf('internal_control')).toEqual(['risks', 'controls', 'actions', 'followUps']);
    expect(sheetsOf('activity')).toEqual(['activities', 'followUps']);
    for (const columns of Object.values(SHEET_COLUMNS)) {
      // A heading may be the same in both languages (Status, Risk), never shared by two columns.
      for (const locale of Object.values(SERVER_MESSAGES)) {
        const own = columns.map((column) => foldWords(locale.importWorkbook.headings[column.key]));
        expect(new Set(own).size).toBe(own.length);
      }
      const byField = new Map<string, string>();
      for (const messages of Object.values(SERVER_MESSAGES))
        for (const column of columns) {
          const heading = foldWords(messages.importWorkbook.headings[column.key]);
          expect(byField.get(heading) ?? column.key).toBe(column.key);
          byField.set(heading, column.key);
        }
    }
  });
});
