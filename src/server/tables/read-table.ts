import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';

/**
 * One table of an uploaded file: a worksheet of an XLSX workbook, or the whole of a CSV file.
 * `rows[i][j]` is the text of row i + 1, column j + 1, as a spreadsheet numbers them; a merged
 * cell's text is in every cell it covers; empty cells are ''.
 */
export interface Table {
  /** The worksheet's name; null for CSV. */
  sheet: string | null;
  /** Whether the worksheet is hidden in the workbook. */
  hidden: boolean;
  rows: string[][];
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Reads an uploaded spreadsheet: XLSX (every worksheet) or delimited text as Swedish Excel and
 * other tools write it (semicolon, comma or tab; UTF-8 with or without BOM, UTF-16 with BOM or
 * Windows-1252). What it is, is told by the bytes, not by the name. A file it cannot read is
 * refused with an error on `path` (the request's field) that says what to do instead.
 */
export async function readTables(bytes: Uint8Array, path = 'content'): Promise<Table[]> {
  if (startsWith(bytes, ZIP_SIGNATURE)) return readWorkbook(bytes, path);
  if (startsWith(bytes, OLE_SIGNATURE))
    throw unreadable(
      path,
      localize((m) => m.tables.oldExcelFormat),
    );
  return [readDelimitedText(bytes, path)];
}

function startsWith(bytes: Uint8Array, signature: number[]) {
  return signature.every((byte, index) => bytes[index] === byte);
}

function unreadable(path: string, message: ReturnType<typeof localize>) {
  return new AppError('validation_failed', undefined, [{ path, message }]);
}

async function readWorkbook(bytes: Uint8Array, path: string): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw unreadable(
      path,
      localize((m) => m.tables.notAWorkbook),
    );
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: string[][] = [];
    const width = worksheet.columnCount;
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
      rows[rowNumber - 1] = cells;
    });
    for (let index = 0; index < rows.length; index++) rows[index] ??= [];
    return { sheet: worksheet.name, hidden: worksheet.state !== 'visible', rows: rows.map(trimRow) };
  });
}

/** The text a person sees in a cell: rich text joined, a formula's result, a date as yyyy-mm-dd. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return normaliseLineBreaks(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.richText))
      return normaliseLineBreaks((record.richText as { text?: string }[]).map((part) => part.text ?? '').join(''));
    if ('result' in record) return cellText(record.result);
    if ('text' in record) return cellText(record.text);
  }
  // An error value (#N/A) or a formula without a stored result.
  return '';
}

function normaliseLineBreaks(text: string) {
  return text.replace(/\r\n?/g, '\n');
}

/** Cells without their surrounding spaces; the empty cells at the end of a row dropped. */
function trimRow(cells: string[]) {
  const trimmed = cells.map((cell) => cell.trim());
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed;
}

/** Delimited text, decoded and split the way the file was written. */
function readDelimitedText(bytes: Uint8Array, path: string): Table {
  let text = decodeText(bytes);
  if (text.includes('\u0000'))
    throw unreadable(
      path,
      localize((m) => m.tables.notText),
    );
  // Excel's hint of the delimiter, on a line of its own: "sep=;".
  let delimiter: string | undefined;
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) {
    delimiter = hint[1];
    text = text.slice(hint[0].length);
  }
  delimiter ??= guessDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch {
    throw unreadable(
      path,
      localize((m) => m.tables.badQuotes),
    );
  }
  return { sheet: null, hidden: false, rows: records.map((cells) => trimRow(cells.map(normaliseLineBreaks))) };
}

/**
 * UTF-8 (with or without BOM) if the bytes are valid UTF-8, UTF-16 if a BOM says so, otherwise
 * Windows-1252, which Swedish Excel uses for "CSV (semikolonavgränsad)".
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * The signs Windows-1252 has at 0x80–0x9f where Latin-1 has control characters: the dashes,
 * curly quotes, € and • that Word and Excel put in Swedish texts. Node's TextDecoder reads
 * "windows-1252" as Latin-1 and would turn them into control characters.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...chunk);
  }
  return text.replace(/[\u0080-\u009f]/g, (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80]!);
}

/**
 * The delimiter of the first lines: the one of semicolon, tab and comma that splits them most
 * evenly into most columns, counted outside quotes. Swedish Excel writes semicolons (the comma is
 * the decimal sign), other tools commas or tabs.
 */
export function guessDelimiter(text: string): string {
  const lines = firstLines(text, 10);
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of [';', '\t', ',']) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const columns = Math.min(...counts.filter((count) => count > 0));
    const agreeing = counts.filter((count) => count === columns).length;
    const score = Number.isFinite(columns) ? agreeing * 1000 + columns : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function firstLines(text: string, count: number) {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, count);
}

function countOutsideQuotes(line: string, delimiter: string) {
  let count = 0;
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (character === delimiter && !quoted) count++;
  }
  return count;
}
