import { describe, expect, test } from 'vitest';
import { excelSerialToIsoDate, parseTypedDate, parseTypedNumber, splitPeople } from './import-values.ts';

describe('dates as people type them', () => {
  test.each([
    ['2020-03-05', '2020-03-05'],
    ['2020-03-05 00:00', '2020-03-05'],
    ['2020-03-05T10:30:00Z', '2020-03-05'],
    ['2020-3-5', '2020-03-05'],
    ['2020/03/05', '2020-03-05'],
    ['20200305', '2020-03-05'],
    ['5/3 2020', '2020-03-05'],
    ['5/3-2020', '2020-03-05'],
    ['5/3/2020', '2020-03-05'],
    ['05/03/2020', '2020-03-05'],
    ['05.03.2020', '2020-03-05'],
    ['05-03-2020', '2020-03-05'],
    ['5/3 2020 kl. 10.00', '2020-03-05'],
    ['5 mars 2020', '2020-03-05'],
    ['5:e mars 2020', '2020-03-05'],
    ['den 5 mars 2020', '2020-03-05'],
    ['5 MARS 2020', '2020-03-05'],
    ['5 Mar 2020', '2020-03-05'],
    ['5 mar. 2020', '2020-03-05'],
    ['5 March 2020', '2020-03-05'],
    ['5th March 2020', '2020-03-05'],
    ['March 5, 2020', '2020-03-05'],
    ['Mar 5 2020', '2020-03-05'],
    ['31 okt 2021', '2021-10-31'],
    ['1 maj 2021', '2021-05-01'],
    ['17 sept. 2021', '2021-09-17'],
    ['  2021-12-31\u00a0', '2021-12-31'],
    ['29/2 2020', '2020-02-29'],
    ['43895', '2020-03-05'],
    ['43895.5', '2020-03-05'],
    ['44561', '2021-12-31'],
  ])('%j is %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toBe(iso);
  });

  test.each([
    ['', 'empty'],
    ['snart', 'a word'],
    ['31/2 2020', 'a day February does not have'],
    ['29/2 2021', 'a leap day in a common year'],
    ['13/13 2020', 'a month that does not exist'],
    ['2020-13-01', 'month 13, year first'],
    ['2020-02-30', 'February 30, year first'],
    ['0/3 2020', 'day 0'],
    ['5 smarts 2020', 'a word that is no month'],
    ['mars 2020', 'a month without a day'],
    ['2020', 'a year alone'],
    ['Q3 2020', 'a quarter'],
    ['5/3-20', 'a two-digit year'],
    ['5/3', 'no year'],
    ['60', 'a small number'],
    ['20201305', 'eight digits that are no date'],
    ['2020-03-05 och 2020-04-01', 'two dates'],
  ])('%j is not a date (%s)', (typed) => {
    expect(parseTypedDate(typed)).toBeNull();
  });

  test('Excel serials count the 29 February 1900 that never was', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(43895)).toBe('2020-03-05');
    expect(excelSerialToIsoDate(2958465)).toBe('9999-12-31');
    expect(excelSerialToIsoDate(0)).toBeNull();
    expect(excelSerialToIsoDate(2958466)).toBeNull();
    expect(excelSerialToIsoDate(Number.NaN)).toBeNull();
  });
});

describe('numbers as people type them', () => {
  test.each([
    ['3', 3],
    ['3,5', 3.5],
    ['3.5', 3.5],
    [' 12 ', 12],
    ['-2,25', -2.25],
    ['−2,25', -2.25],
    [',5', 0.5],
    ['1 234', 1234],
    ['1\u00a0234,50', 1234.5],
    ['1\u202f234 567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['1,234', 1.234],
  ])('%j is %d', (typed, number) => {
    expect(parseTypedNumber(typed)).toBe(number);
  });

  test.each(['', 'snart', '3 st', 'ca 5', '1,2,3', '1.2.3', '12 34', '1 2345', '1.23,4', '3-4', '5%', 'Hög', '1e3'])(
    '%j is not a number',
    (typed) => {
      expect(parseTypedNumber(typed)).toBeNull();
    },
  );
});

describe('people in one cell', () => {
  test('the separators people use', () => {
    expect(splitPeople('Anna Berg, Bo Ek; Cecilia Dahl / David Falk')).toEqual([
      'Anna Berg',
      'Bo Ek',
      'Cecilia Dahl',
      'David Falk',
    ]);
    expect(splitPeople('Anna Berg och Bo Ek')).toEqual(['Anna Berg', 'Bo Ek']);
    expect(splitPeople('Anna Berg and Bo Ek & Cecilia Dahl')).toEqual(['Anna Berg', 'Bo Ek', 'Cecilia Dahl']);
    expect(splitPeople('Anna Berg\nBo Ek\r\n\nCecilia Dahl')).toEqual(['Anna Berg', 'Bo Ek', 'Cecilia Dahl']);
  });

  test('lists, titles in brackets, spaces and repeats', () => {
    expect(splitPeople('- Anna Berg\n- Bo Ek\n• Cecilia Dahl\n1. David Falk')).toEqual([
      'Anna Berg',
      'Bo Ek',
      'Cecilia Dahl',
      'David Falk',
    ]);
    expect(splitPeople('Anna Berg (ekonomichef, förvaltningen), Bo Ek [rektor]')).toEqual(['Anna Berg', 'Bo Ek']);
    expect(splitPeople('  Anna\u00a0  Berg ,, ;Anna Berg ')).toEqual(['Anna Berg']);
    expect(splitPeople('')).toEqual([]);
    expect(splitPeople(' , ; ')).toEqual([]);
  });

  test('a name containing "och" or "and" as letters is not split', () => {
    expect(splitPeople('Jochen Sandberg, Rosander')).toEqual(['Jochen Sandberg', 'Rosander']);
  });
});
