import type { PlanKind } from '../../../domain/plan.ts';
import { messagesIn, SERVER_MESSAGES, type ServerMessages } from '../../messages/messages.ts';

/**
 * The layout of Uppsikt's round-trip workbook of a plan, which the export writes and the reader
 * reads back: one sheet per kind of row, with readable headings in the export's language (the
 * reader knows them in both), and three hidden columns at the end of every sheet holding the
 * row's id, its version when exported, and its parent's id (the risk of a control or action, the
 * activity of a sub-activity, the item of a follow-up). A hidden sheet "Uppsikt" holds what the
 * workbook is (FORMAT_NAME, FORMAT_VERSION, the plan's id and kind, the moment of export); a
 * hidden sheet of lists feeds the drop-downs.
 *
 * Activities and their sub-activities share one sheet: a sub-activity's row says "Delaktivitet"
 * in the Nivå column (level), carries its number ("3.2") and its activity's id in the hidden
 * parent column, and only fills the columns a sub-activity has (number, title, status, carry
 * over). A row the person adds is a sub-activity if it says so in Nivå, or, when Nivå is empty,
 * if its number extends an activity's number ("3.2" under "3"); it belongs to the activity its
 * number extends, else to the activity row above it.
 *
 * Lists of names (ansvariga, rapporteringsansvariga, fokusområden) and of dates
 * (avstämningsdatum) are joined with ", " — or with "; " when a name itself holds a comma; the
 * reader splits a cell on line breaks, else on semicolons, else on commas.
 */

export const FORMAT_NAME = 'uppsikt-plan-workbook';
export const FORMAT_VERSION = 1;

/** The hidden sheet that says what the workbook is. Not translated: the reader looks for it by this name or by its content. */
export const METADATA_SHEET = 'Uppsikt';

/** The keys of the metadata sheet's rows (column A), with their values in column B. */
export const METADATA_KEYS = {
  format: 'format',
  formatVersion: 'formatVersion',
  planId: 'planId',
  kind: 'planKind',
  exportedAt: 'exportedAt',
  locale: 'locale',
  title: 'planTitle',
  unit: 'unit',
} as const;

/** The hidden columns' headings: the same in every language. */
export const HIDDEN_HEADINGS = { id: 'uppsikt:id', version: 'uppsikt:version', parent: 'uppsikt:parent' } as const;
export type HiddenColumn = keyof typeof HIDDEN_HEADINGS;

export type SheetKey = 'risks' | 'controls' | 'actions' | 'activities' | 'followUps';
export type HeadingKey = keyof ServerMessages['importWorkbook']['headings'];

/**
 * How a column is written and read: plain text; long Markdown text (wrapped, wide); a date; a
 * list of dates or of names; a level of the risk matrix; a value from a drop-down; or shown for
 * reading only (not read back).
 */
export type ColumnKind = 'text' | 'long' | 'date' | 'dates' | 'names' | 'level' | 'choice' | 'readOnly';

export interface ColumnSpec {
  key: HeadingKey;
  kind: ColumnKind;
  width: number;
}

const column = (key: HeadingKey, kind: ColumnKind, width: number): ColumnSpec => ({ key, kind, width });

const schedule: ColumnSpec[] = [
  column('responsible', 'names', 24),
  column('reporting', 'names', 24),
  column('status', 'choice', 16),
  column('startDate', 'date', 12),
  column('checkpoints', 'dates', 16),
  column('endDate', 'date', 12),
];

/** The visible columns of each sheet, in the order the export writes them. */
export const SHEET_COLUMNS: Readonly<Record<SheetKey, readonly ColumnSpec[]>> = {
  risks: [
    column('title', 'text', 40),
    column('description', 'long', 60),
    column('process', 'text', 18),
    column('category', 'text', 18),
    column('cause', 'long', 40),
    column('effect', 'long', 40),
    column('likelihood', 'level', 12),
    column('consequence', 'level', 12),
    column('riskValue', 'readOnly', 11),
  ],
  controls: [
    column('risk', 'text', 30),
    column('title', 'text', 40),
    column('description', 'long', 50),
    column('method', 'text', 20),
    column('scope', 'long', 40),
    column('frequency', 'text', 18),
    column('reportingTime', 'text', 18),
    column('reportsTo', 'text', 24),
    ...schedule,
  ],
  actions: [
    column('risk', 'text', 30),
    column('title', 'text', 40),
    column('whatToDo', 'long', 50),
    column('measuresTaken', 'long', 50),
    column('responsibleUnit', 'text', 24),
    ...schedule,
  ],
  activities: [
    column('number', 'text', 9),
    column('level', 'choice', 14),
    column('title', 'text', 40),
    column('description', 'long', 50),
    column('costAndResources', 'long', 30),
    column('performers', 'text', 24),
    column('focusAreas', 'names', 24),
    ...schedule,
    column('carryOver', 'choice', 16),
  ],
  followUps: [
    column('itemKind', 'choice', 16),
    column('item', 'text', 40),
    column('period', 'choice', 18),
    column('reportedOn', 'date', 12),
    column('body', 'long', 60),
    column('analysis', 'long', 40),
    column('author', 'text', 24),
    column('status', 'choice', 16),
  ],
};

/** The sheets of a plan of the kind, in the workbook's order. */
export function sheetsOf(kind: PlanKind): SheetKey[] {
  return kind === 'activity' ? ['activities', 'followUps'] : ['risks', 'controls', 'actions', 'followUps'];
}

/** The sheet's name in the language. */
export function sheetName(sheet: SheetKey, locale: 'sv' | 'en'): string {
  return messagesIn(locale).importWorkbook.sheets[sheet];
}

/** The sheet's names in every language. */
export function sheetNames(sheet: SheetKey | 'lists'): string[] {
  return Object.values(SERVER_MESSAGES).map((messages) => messages.importWorkbook.sheets[sheet]);
}

/** A vocabulary of words in every language, e.g. the levels or the item kinds. */
export function wordsInEveryLanguage<Key extends string>(
  pick: (messages: ServerMessages['importWorkbook']) => Readonly<Record<Key, string>>,
): Record<Key, string[]> {
  const words = {} as Record<Key, string[]>;
  for (const messages of Object.values(SERVER_MESSAGES))
    for (const [key, word] of Object.entries(pick(messages.importWorkbook)) as [Key, string][])
      (words[key] ??= []).push(word);
  return words;
}

/** Joins names or dates for one cell: ", ", or "; " when one of them holds a comma. */
export function joinList(values: readonly string[]): string {
  return values.join(values.some((value) => value.includes(',')) ? '; ' : ', ');
}

/** Splits a cell of names or dates: on line breaks, else on semicolons, else on commas; empty parts left out. */
export function splitList(text: string): string[] {
  const separator = text.includes('\n') ? '\n' : text.includes(';') ? ';' : ',';
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
