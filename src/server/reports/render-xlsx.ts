import writeExcelFile from 'write-excel-file/node';
import type { Block, ReportDocument, Table } from './document.ts';
import { plainText } from './document.ts';
import { safeColour } from './render-html.ts';

// The tabular kinds as a workbook: each table of the report becomes a sheet with a bold,
// frozen header row, so it can be filtered and summed. Whole numbers become numbers.

type SheetCell = { value: string | number; fontWeight?: 'bold'; wrap?: boolean; backgroundColor?: string } | null;

export async function renderXlsx(document: ReportDocument): Promise<Buffer> {
  const tables = document.blocks
    .filter((block): block is Extract<Block, { type: 'table' }> => block.type === 'table')
    .map((block) => block.table);
  const used = new Set<string>();
  const sheets = (tables.length > 0 ? tables : [emptyTable(document)]).map((table) => ({
    data: sheetData(table),
    sheet: sheetName(table.caption, used),
    columns: table.columns.map((column) => ({ width: Math.round(12 * (column.width ?? 1)) })),
    stickyRowsCount: 1,
  }));
  const file = writeExcelFile(sheets as never, { fontFamily: 'Arial', fontSize: 10 } as never) as unknown as {
    toBuffer(): Promise<Buffer>;
  };
  return file.toBuffer();
}

function sheetData(table: Table): SheetCell[][] {
  const header: SheetCell[] = table.columns.map((column) => ({ value: column.title, fontWeight: 'bold' }));
  const rows = table.rows.map((row) =>
    table.columns.map((_, index): SheetCell => {
      const cell = row[index];
      if (!cell) return null;
      const value = plainText(cell.blocks);
      if (value === '' && !cell.fill) return null;
      const numeric = /^-?\d+$/.test(value) ? Number(value) : value;
      return {
        value: numeric,
        wrap: true,
        ...(cell.fill ? { backgroundColor: safeColour(cell.fill) } : {}),
        ...(cell.header ? { fontWeight: 'bold' as const } : {}),
      };
    }),
  );
  return [header, ...rows];
}

/** Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(caption: string, used: Set<string>): string {
  const base =
    caption
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 28) || 'Tabell';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 27)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

function emptyTable(document: ReportDocument): Table {
  return { caption: document.title, columns: [{ title: document.title }], rows: [] };
}
