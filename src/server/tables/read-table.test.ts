import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.ts';
import { cellText, decodeText, guessDelimiter, readTables } from './read-table.ts';

const encoder = new TextEncoder();

/** Windows-1252 bytes of a text of Latin letters (å ä ö are single bytes there). */
function windows1252(text: string) {
  return Uint8Array.from([...text].map((character) => character.charCodeAt(0)));
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.errors[0]?.path).toBe('content');
  return appError.errors[0]!.message as { sv: string; en: string };
}

describe('CSV as Swedish Excel and other tools write it', () => {
  test('semicolons in Windows-1252 (Excel "CSV (semikolonavgränsad)")', async () => {
    const [table] = await readTables(
      windows1252('Namn;Typ;Överordnad\r\nSocialnämnden;Nämnd;\r\nÄldreomsorg;Förvaltning;Socialnämnden\r\n'),
    );
    expect(table).toEqual({
      sheet: null,
      hidden: false,
      rows: [
        ['Namn', 'Typ', 'Överordnad'],
        ['Socialnämnden', 'Nämnd'],
        ['Äldreomsorg', 'Förvaltning', 'Socialnämnden'],
      ],
    });
  });

  test('commas in UTF-8 with a BOM, quoted cells with commas, quotes and line breaks', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...encoder.encode('Namn,Titel\n"Öberg, Åsa","Chef ""IT""\noch digitalisering"\n'),
    ]);
    const [table] = await readTables(bytes);
    expect(table!.rows).toEqual([
      ['Namn', 'Titel'],
      ['Öberg, Åsa', 'Chef "IT"\noch digitalisering'],
    ]);
  });

  test('tabs in UTF-16 (Excel "Unicode-text")', async () => {
    const text = 'Namn\tE-post\r\nÅsa\tasa@kommun.se\r\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) utf16[2 + index * 2] = text.charCodeAt(index);
    const [table] = await readTables(utf16);
    expect(table!.rows).toEqual([
      ['Namn', 'E-post'],
      ['Åsa', 'asa@kommun.se'],
    ]);
  });

  test('Excel’s "sep=" line names the delimiter and is not a row', async () => {
    const [table] = await readTables(encoder.encode('sep=,\nNamn;Typ,Kod\nA;B,C\n'));
    expect(table!.rows).toEqual([
      ['Namn;Typ', 'Kod'],
      ['A;B', 'C'],
    ]);
  });

  test('the delimiter that splits the lines evenly wins, not the one that appears most in a text', () => {
    expect(guessDelimiter('Namn;Beskrivning\nA;"Ett, två, tre, fyra"\nB;Fem\n')).toBe(';');
    expect(guessDelimiter('Name,Description\nA,"one; two; three"\nB,four\n')).toBe(',');
    expect(guessDelimiter('Namn\tKod\nA\t1\n')).toBe('\t');
  });

  test('bytes that are not UTF-8 are read as Windows-1252', () => {
    expect(decodeText(windows1252('Förvaltning'))).toBe('Förvaltning');
    expect(decodeText(encoder.encode('Förvaltning'))).toBe('Förvaltning');
  });

  test('the signs Windows-1252 has where Latin-1 has control characters (dashes, quotes, €)', () => {
    const bytes = Uint8Array.from([0x96, 0x20, 0x93, 0x41, 0x94, 0x20, 0x80, 0x20, 0x95, 0x20, 0x97, 0x20, 0xe5]);
    expect(decodeText(bytes)).toBe('– “A” € • — å');
  });

  test('unmatched quotes are refused with what to do', async () => {
    const message = await refusal(readTables(encoder.encode('Namn;Typ\n"Ett;Två\nTre;Fyra\n')));
    expect(message.sv).toContain('Citattecknen');
  });

  test('a binary file that is no spreadsheet is refused', async () => {
    const message = await refusal(readTables(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01])));
    expect(message.en).toContain('neither an Excel workbook');
  });
});

describe('XLSX workbooks', () => {
  async function workbook(build: (workbook: ExcelJS.Workbook) => void) {
    const book = new ExcelJS.Workbook();
    build(book);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  test('every sheet, with merged cells, rich text, formulas and dates as a person sees them', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Enheter');
      sheet.addRow(['Organisation 2026']);
      sheet.mergeCells('A1:C1');
      sheet.addRow(['Namn', 'Typ', 'Från']);
      sheet.addRow([
        { richText: [{ text: 'Social' }, { text: 'nämnden\r\n(SN)' }] },
        'Nämnd',
        new Date(Date.UTC(2026, 0, 5)),
      ]);
      sheet.addRow([' IT-enheten ', { formula: '"En"&"het"', result: 'Enhet' }, 42]);
      const hidden = book.addWorksheet('Listor');
      hidden.state = 'hidden';
      hidden.addRow(['Nämnd', 'Förvaltning']);
    });
    const tables = await readTables(bytes);
    expect(tables).toEqual([
      {
        sheet: 'Enheter',
        hidden: false,
        rows: [
          ['Organisation 2026', 'Organisation 2026', 'Organisation 2026'],
          ['Namn', 'Typ', 'Från'],
          ['Socialnämnden\n(SN)', 'Nämnd', '2026-01-05'],
          ['IT-enheten', 'Enhet', '42'],
        ],
      },
      { sheet: 'Listor', hidden: true, rows: [['Nämnd', 'Förvaltning']] },
    ]);
  });

  test('a cell’s text: hyperlinks by their text, errors and missing results empty, times with the hour', () => {
    expect(cellText({ text: 'Intranätet', hyperlink: 'https://intra.example.se' })).toBe('Intranätet');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 2, 1, 13, 30)))).toBe('2026-03-01 13:30');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
  });

  test('the old .xls format is refused with what to save it as', async () => {
    const message = await refusal(readTables(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
    expect(message.sv).toContain('.xlsx');
  });

  test('a zip that is no workbook is refused', async () => {
    const message = await refusal(readTables(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])));
    expect(message.en).toContain('cannot be read as an Excel workbook');
  });
});
