import JSZip from 'jszip';
import type { PlanKind } from '../../../domain/plan.ts';
import type { PlanImportFormat } from '../../../domain/plan-import.ts';
import { AppError, type LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { readTables, type Table } from '../../tables/read-table.ts';
import type { ImportedPlan, ImportProgress } from './model.ts';
import { readPlanTable, suggestMapping, type TableMapping } from './readers/plan-table.ts';
import { isRoundTripWorkbook, readRoundTripWorkbook } from './readers/round-trip-workbook.ts';
import { readWordDocument } from './readers/word-document.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function refuse(message: LocalizedText): AppError {
  return new AppError('validation_failed', message, [{ path: 'content', message }]);
}

/**
 * What a file is, told by its bytes: an Office Open XML package (a workbook or a Word
 * document), else delimited text. An encrypted or password-protected Office file is a compound
 * file (as the old .xls and .doc are), and a package with macros carries a VBA project: both
 * are refused with what to do instead.
 */
export async function detectFormat(bytes: Uint8Array): Promise<PlanImportFormat> {
  if (OLE.every((byte, index) => bytes[index] === byte)) throw refuse(localize((m) => m.planImport.encrypted));
  if (!ZIP.every((byte, index) => bytes[index] === byte)) {
    if (bytes.subarray(0, 4096).includes(0)) {
      // UTF-16 text has zero bytes too; its BOM tells it apart.
      const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
      if (!utf16) throw refuse(localize((m) => m.planImport.unknownFormat));
    }
    return 'csv';
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw refuse(localize((m) => m.planImport.corrupt));
  }
  const names = Object.keys(zip.files);
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) throw refuse(localize((m) => m.planImport.macros));
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  throw refuse(localize((m) => m.planImport.unknownFormat));
}

/** A file read into the shape the planner compares, with the mapping a plan table was read with. */
export interface ReadFile {
  format: PlanImportFormat;
  file: ImportedPlan;
  /** For a plan table (not Uppsikt's own workbook): how its columns were read. */
  mapping: TableMapping | null;
}

export interface ReadOptions {
  format: PlanImportFormat;
  /** The plan kind when known (an import into a plan); else the file decides. */
  kind: PlanKind | null;
  /** A mapping the person set, or saved (by folded heading). */
  mapping?: TableMapping | null | undefined;
  saved?: Record<string, string | null> | null | undefined;
  progress?: ImportProgress | undefined;
}

/** Reads an uploaded file with the reader its format and shape call for. */
export async function readImportFile(bytes: Uint8Array, options: ReadOptions): Promise<ReadFile> {
  if (options.format === 'docx') {
    return { format: 'docx', file: await readWordDocument(bytes, options.progress), mapping: null };
  }
  const tables: Table[] = await readTables(bytes);
  if (options.format === 'xlsx' && isRoundTripWorkbook(tables))
    return { format: 'xlsx', file: readRoundTripWorkbook(tables), mapping: null };
  const mapping =
    options.mapping ?? suggestMapping(tables, (options.saved ?? undefined) as Parameters<typeof suggestMapping>[1]);
  const kind = options.kind ?? guessKind(mapping);
  return { format: options.format, file: readPlanTable(tables, mapping, { kind }, options.progress), mapping };
}

/** An activity plan when the table has activities and no risks or controls. */
function guessKind(mapping: TableMapping): PlanKind {
  const fields = new Set(mapping.columns.map((column) => column.field));
  const activity = fields.has('activity') || fields.has('subActivity') || fields.has('activityNumber');
  const risk = fields.has('risk') || fields.has('control') || fields.has('action');
  return activity && !risk ? 'activity' : 'internal_control';
}

/** Whether a table mapping names a column that items can come from. */
export function mappingHasItems(mapping: TableMapping): boolean {
  return mapping.columns.some((column) =>
    ['risk', 'control', 'action', 'activity', 'subActivity'].includes(column.field ?? ''),
  );
}
