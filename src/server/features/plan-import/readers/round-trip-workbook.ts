import { PLAN_KINDS, type PlanKind } from '../../../../domain/plan.ts';
import { foldWords, recogniseColumns, type HeadingVocabulary } from '../../../../domain/table-headings.ts';
import type { LocalizedText } from '../../../errors.ts';
import { localize, SERVER_MESSAGES } from '../../../messages/messages.ts';
import type { Table } from '../../../tables/read-table.ts';
import {
  emptyImportedPlan,
  type ImportedAction,
  type ImportedActivity,
  type ImportedControl,
  type ImportedFollowUp,
  type ImportedPlan,
  type ImportedRisk,
  type ImportedSubActivity,
  type ImportIssue,
  type Origin,
} from '../model.ts';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  HIDDEN_HEADINGS,
  METADATA_KEYS,
  METADATA_SHEET,
  SHEET_COLUMNS,
  sheetNames,
  sheetsOf,
  splitList,
  wordsInEveryLanguage,
  type ColumnKind,
  type HeadingKey,
  type HiddenColumn,
  type SheetKey,
} from '../workbook-layout.ts';

// Reads Uppsikt's round-trip workbook of a plan (written by export-workbook.ts, laid out as
// workbook-layout.ts says) back into the plan as the file says it, after a person edited it in
// Excel or LibreOffice: columns are found by their headings in either language, in any order;
// rows may be re-sorted, added, removed or moved; ids and versions come from the hidden columns.

/** What the hidden metadata sheet says. */
export interface WorkbookMetadata {
  planId: string;
  kind: PlanKind | undefined;
  formatVersion: number;
  /** The moment of export, ISO 8601, as written. */
  exportedAt: string | undefined;
  locale: string | undefined;
}

/** Whether the tables are Uppsikt's round-trip workbook of a plan: one of them is its metadata sheet. */
export function isRoundTripWorkbook(tables: readonly Table[]): boolean {
  return readWorkbookMetadata(tables) !== null;
}

/** The metadata sheet's content, or null when no table is one. */
export function readWorkbookMetadata(tables: readonly Table[]): WorkbookMetadata | null {
  const ordered = [...tables].sort((a, b) => Number(b.sheet === METADATA_SHEET) - Number(a.sheet === METADATA_SHEET));
  for (const table of ordered) {
    const entries = new Map<string, string>();
    for (const row of table.rows) if (row[0]) entries.set(foldWords(row[0]), row[1] ?? '');
    const value = (key: string) => entries.get(foldWords(key));
    if (value(METADATA_KEYS.format) !== FORMAT_NAME) continue;
    const planId = value(METADATA_KEYS.planId);
    if (!planId) continue;
    const kind = value(METADATA_KEYS.kind);
    return {
      planId,
      kind: PLAN_KINDS.find((known) => known === kind),
      formatVersion: Number(value(METADATA_KEYS.formatVersion)),
      exportedAt: value(METADATA_KEYS.exportedAt) || undefined,
      locale: value(METADATA_KEYS.locale) || undefined,
    };
  }
  return null;
}

type Field = HeadingKey | HiddenColumn;

/** One row of a sheet: its values by field ('' for an empty cell; a column the sheet lacks is absent). */
interface SheetRecord {
  sheet: string;
  row: number;
  values: Partial<Record<Field, string>>;
  headings: Partial<Record<Field, string>>;
  id: string | undefined;
  version: number | undefined;
  parentId: string | undefined;
}

/**
 * The plan as the workbook says it: complete (an item of the plan the workbook lacks was removed
 * by the person), with every row's id and version as exported (none for a row the person added),
 * children under their parents. What cannot be placed is in `errors`, named by sheet, row and column.
 */
export function readRoundTripWorkbook(tables: readonly Table[]): ImportedPlan {
  const plan = emptyImportedPlan(true);
  const metadata = readWorkbookMetadata(tables);
  if (metadata === null) return plan;
  plan.planId = metadata.planId;
  plan.kind = metadata.kind;
  const issue = (record: { sheet: string | null; row: number | null }, column: string | null, message: LocalizedText) =>
    ({ sheet: record.sheet, row: record.row, column, message }) satisfies ImportIssue;
  if (!(metadata.formatVersion <= FORMAT_VERSION)) {
    plan.errors.push(
      issue(
        { sheet: METADATA_SHEET, row: null },
        null,
        localize((m) => m.importWorkbook.newerFormat(String(metadata.formatVersion))),
      ),
    );
    return plan;
  }

  const records = new Map<SheetKey, SheetRecord[]>();
  for (const sheet of sheetsOf(metadata.kind ?? 'internal_control')) {
    const table = findSheet(tables, sheet);
    if (table === undefined) {
      plan.errors.push(
        issue(
          { sheet: null, row: null },
          null,
          localize((m) => m.importWorkbook.missingSheet(m.importWorkbook.sheets[sheet])),
        ),
      );
      continue;
    }
    records.set(sheet, readRecords(table, sheet, plan));
  }

  const context: ReadContext = { plan, issue, items: [] };
  if (metadata.kind === 'activity') readActivities(records.get('activities') ?? [], context);
  else readRisksControlsActions(records, context);
  readFollowUps(records.get('followUps') ?? [], context);
  return plan;
}

interface ReadContext {
  plan: ImportedPlan;
  issue: (
    record: { sheet: string | null; row: number | null },
    column: string | null,
    message: LocalizedText,
  ) => ImportIssue;
  /** The items follow-ups can be about, in the workbook's order. */
  items: {
    kind: 'control' | 'action' | 'activity';
    id: string | undefined;
    titles: string[];
    item: { followUps: ImportedFollowUp[] };
  }[];
}

/** The table of the sheet, by its name in any language. */
function findSheet(tables: readonly Table[], sheet: SheetKey): Table | undefined {
  const names = new Set(sheetNames(sheet).map(foldWords));
  return tables.find((table) => table.sheet !== null && names.has(foldWords(table.sheet)));
}

/** The column kinds of a sheet by field; hidden columns are 'hidden'. */
function kindsOf(sheet: SheetKey): Map<Field, ColumnKind | 'hidden'> {
  const kinds = new Map<Field, ColumnKind | 'hidden'>(SHEET_COLUMNS[sheet].map((spec) => [spec.key, spec.kind]));
  for (const key of Object.keys(HIDDEN_HEADINGS) as HiddenColumn[]) kinds.set(key, 'hidden');
  return kinds;
}

/** The headings of a sheet in every language, and the hidden ones. */
function vocabularyOf(sheet: SheetKey): HeadingVocabulary<Field> {
  const vocabulary: Partial<Record<Field, string[]>> = {};
  for (const spec of SHEET_COLUMNS[sheet])
    vocabulary[spec.key] = Object.values(SERVER_MESSAGES).map((messages) => messages.importWorkbook.headings[spec.key]);
  for (const key of Object.keys(HIDDEN_HEADINGS) as HiddenColumn[]) vocabulary[key] = [HIDDEN_HEADINGS[key]];
  return vocabulary as HeadingVocabulary<Field>;
}

/**
 * The rows below the heading row (the first row that names a column of the sheet), by field.
 * A row with nothing in a column the person edits (only hidden or read-only cells left) is no
 * row: the person emptied it. A row whose hidden id is an earlier row's (a copied row) is read
 * as a new row, with a warning.
 */
function readRecords(table: Table, sheet: SheetKey, plan: ImportedPlan): SheetRecord[] {
  const kinds = kindsOf(sheet);
  const vocabulary = vocabularyOf(sheet);
  const headerIndex = table.rows.findIndex((row) =>
    recogniseColumns(row, vocabulary).some((column) => column.field !== null && kinds.get(column.field) !== 'hidden'),
  );
  if (headerIndex < 0) return [];
  const columns = recogniseColumns(table.rows[headerIndex]!, vocabulary).filter((column) => column.field !== null);
  const sheetName = table.sheet ?? '';
  const seen = new Map<string, number>();
  const records: SheetRecord[] = [];
  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const cells = table.rows[index]!;
    const values: Partial<Record<Field, string>> = {};
    const headings: Partial<Record<Field, string>> = {};
    let edited = false;
    for (const column of columns) {
      const field = column.field!;
      const kind = kinds.get(field);
      const value = normalise((cells[column.column - 1] ?? '').trim(), kind);
      values[field] = value;
      headings[field] = column.heading;
      if (value !== '' && kind !== 'hidden' && kind !== 'readOnly') edited = true;
    }
    if (!edited) continue;
    const row = index + 1;
    let id = values.id || undefined;
    let version = parseVersion(values.version);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        plan.warnings.push({
          sheet: sheetName,
          row,
          column: null,
          message: localize((m) => m.importWorkbook.copiedRow(first)),
        });
        id = undefined;
        version = undefined;
      } else seen.set(id, row);
    }
    records.push({ sheet: sheetName, row, values, headings, id, version, parentId: values.parent || undefined });
  }
  return records;
}

function parseVersion(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/** The earliest and latest serial numbers read as dates: 1954 to 2119, far around any plan's years. */
const DATE_SERIALS = { first: 20_000, last: 80_000 } as const;

/**
 * A date column's cell as text: a date cell reads as YYYY-MM-DD already (read-table.ts); a date
 * whose cell lost its date format reads as Excel's serial number, which is turned back into the
 * date. Anything else (ISO text, "1 mars 2020") is left as typed, for the planner to parse.
 */
function normalise(text: string, kind: ColumnKind | 'hidden' | undefined): string {
  if (kind === 'date') return serialToDate(text);
  if (kind === 'dates') return splitList(text).map(serialToDate).join(', ');
  return text;
}

function serialToDate(text: string): string {
  if (!/^\d+(\.\d+)?$/.test(text)) return text;
  const serial = Math.floor(Number(text));
  if (serial < DATE_SERIALS.first || serial > DATE_SERIALS.last) return text;
  // Excel's day 0 is 1899-12-30 (it counts 1900 as a leap year, which only matters before March 1900).
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** The same words, whatever the case and spacing. */
function sameText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A value of the row: the cell's text, or undefined when the sheet has no such column. */
const text = (record: SheetRecord, field: Field) => record.values[field];
const list = (record: SheetRecord, field: Field) => {
  const value = record.values[field];
  return value === undefined ? undefined : splitList(value);
};

function originOf(record: SheetRecord, fields: readonly HeadingKey[]): Origin {
  const columns: Partial<Record<string, string>> = {};
  for (const field of fields) if (record.headings[field] !== undefined) columns[field] = record.headings[field];
  return { sheet: record.sheet, row: record.row, columns };
}

type Resolution<T> = { found: T } | { missing: 'empty' | 'unknown' | 'ambiguous' };

/**
 * The parent of a row: the one its hidden parent id names, unless the person wrote another
 * parent's name in the visible column (the row was moved); without a parent id (a row the person
 * added, or whose parent's row is gone), the one the visible column names.
 */
function resolveParent<T>(
  parentId: string | undefined,
  name: string,
  byId: Map<string, T>,
  byName: (name: string) => T[],
): Resolution<T> {
  const fromId = parentId === undefined ? undefined : byId.get(parentId);
  const named = name === '' ? [] : byName(name);
  if (fromId !== undefined) {
    if (named.length === 1 && named[0] !== fromId) return { found: named[0]! };
    return { found: fromId };
  }
  if (name === '') return { missing: 'empty' };
  if (named.length === 1) return { found: named[0]! };
  return { missing: named.length === 0 ? 'unknown' : 'ambiguous' };
}

const RISK_FIELDS = [
  'title',
  'description',
  'process',
  'category',
  'cause',
  'effect',
  'likelihood',
  'consequence',
] as const;
const SCHEDULE_FIELDS = ['responsible', 'reporting', 'status', 'startDate', 'checkpoints', 'endDate'] as const;
const CONTROL_FIELDS = [
  'risk',
  'title',
  'description',
  'method',
  'scope',
  'frequency',
  'reportingTime',
  'reportsTo',
  ...SCHEDULE_FIELDS,
] as const;
const ACTION_FIELDS = ['risk', 'title', 'whatToDo', 'measuresTaken', 'responsibleUnit', ...SCHEDULE_FIELDS] as const;

function schedule(record: SheetRecord) {
  return {
    responsible: list(record, 'responsible'),
    reporting: list(record, 'reporting'),
    status: text(record, 'status'),
    startDate: text(record, 'startDate'),
    checkpoints: list(record, 'checkpoints'),
    endDate: text(record, 'endDate'),
    followUps: [] as ImportedFollowUp[],
  };
}

function readRisksControlsActions(records: Map<SheetKey, SheetRecord[]>, context: ReadContext) {
  const { plan, issue } = context;
  const byId = new Map<string, ImportedRisk>();
  for (const record of records.get('risks') ?? []) {
    const risk: ImportedRisk = {
      id: record.id,
      version: record.version,
      title: text(record, 'title') ?? '',
      description: text(record, 'description'),
      process: text(record, 'process'),
      category: text(record, 'category'),
      cause: text(record, 'cause'),
      effect: text(record, 'effect'),
      likelihood: text(record, 'likelihood'),
      consequence: text(record, 'consequence'),
      controls: [],
      actions: [],
      origin: originOf(record, RISK_FIELDS),
    };
    plan.risks.push(risk);
    if (risk.id !== undefined) byId.set(risk.id, risk);
  }
  const byTitle = (title: string) => plan.risks.filter((risk) => sameText(risk.title) === sameText(title));
  const riskOf = (record: SheetRecord, required: boolean): ImportedRisk | null | undefined => {
    const name = text(record, 'risk') ?? '';
    const resolution = resolveParent(record.parentId, name, byId, byTitle);
    if ('found' in resolution) return resolution.found;
    if (resolution.missing === 'empty' && !required) return null;
    const column = record.headings.risk ?? null;
    plan.errors.push(
      issue(
        record,
        column,
        resolution.missing === 'empty'
          ? localize((m) => m.importWorkbook.riskRequired)
          : resolution.missing === 'unknown'
            ? localize((m) => m.importWorkbook.unknownRisk(name))
            : localize((m) => m.importWorkbook.ambiguousRisk(name)),
      ),
    );
    return undefined;
  };

  for (const record of records.get('controls') ?? []) {
    const risk = riskOf(record, true);
    if (!risk) continue;
    const control: ImportedControl = {
      id: record.id,
      version: record.version,
      title: text(record, 'title') ?? '',
      description: text(record, 'description'),
      method: text(record, 'method'),
      scope: text(record, 'scope'),
      frequency: text(record, 'frequency'),
      reportingTime: text(record, 'reportingTime'),
      reportsTo: text(record, 'reportsTo'),
      ...schedule(record),
      origin: originOf(record, CONTROL_FIELDS),
    };
    risk.controls.push(control);
    context.items.push({ kind: 'control', id: control.id, titles: [control.title], item: control });
  }
  for (const record of records.get('actions') ?? []) {
    const risk = riskOf(record, false);
    if (risk === undefined) continue;
    const action: ImportedAction = {
      id: record.id,
      version: record.version,
      title: text(record, 'title') ?? '',
      whatToDo: text(record, 'whatToDo'),
      measuresTaken: text(record, 'measuresTaken'),
      responsibleUnit: text(record, 'responsibleUnit'),
      ...schedule(record),
      origin: originOf(record, ACTION_FIELDS),
    };
    (risk === null ? plan.actions : risk.actions).push(action);
    context.items.push({ kind: 'action', id: action.id, titles: [action.title], item: action });
  }
}

const ACTIVITY_FIELDS = [
  'number',
  'title',
  'description',
  'costAndResources',
  'performers',
  'focusAreas',
  ...SCHEDULE_FIELDS,
  'carryOver',
] as const;
const SUB_ACTIVITY_FIELDS = ['number', 'title', 'status', 'carryOver'] as const;

/** The number an activity's number extends: "3" for "3.2"; null for a number without a point. */
function parentNumber(number: string): string | null {
  const point = number.lastIndexOf('.');
  return point > 0 ? number.slice(0, point).trim() : null;
}

function readActivities(records: readonly SheetRecord[], context: ReadContext) {
  const { plan, issue } = context;
  const levels = wordsInEveryLanguage((m) => m.levels);
  const levelOf = (value: string | undefined) => {
    const folded = foldWords(value ?? '');
    if (folded === '') return null;
    if (levels.subActivity.some((word) => foldWords(word) === folded)) return 'subActivity';
    if (levels.activity.some((word) => foldWords(word) === folded)) return 'activity';
    return null;
  };
  const numbers = new Set(records.map((record) => (text(record, 'number') ?? '').trim()));
  const isSub = (record: SheetRecord) => {
    const level = levelOf(text(record, 'level'));
    if (level !== null) return level === 'subActivity';
    if (record.parentId !== undefined) return true;
    const parent = parentNumber(text(record, 'number') ?? '');
    return parent !== null && numbers.has(parent);
  };

  const byId = new Map<string, ImportedActivity>();
  const subRecords: { record: SheetRecord; above: ImportedActivity | undefined }[] = [];
  let last: ImportedActivity | undefined;
  for (const record of records) {
    if (isSub(record)) {
      subRecords.push({ record, above: last });
      continue;
    }
    const activity: ImportedActivity = {
      id: record.id,
      version: record.version,
      number: text(record, 'number') ?? '',
      title: text(record, 'title') ?? '',
      description: text(record, 'description'),
      costAndResources: text(record, 'costAndResources'),
      performers: text(record, 'performers'),
      focusAreas: list(record, 'focusAreas'),
      ...schedule(record),
      carryOver: text(record, 'carryOver'),
      subActivities: [],
      origin: originOf(record, ACTIVITY_FIELDS),
    };
    plan.activities.push(activity);
    if (activity.id !== undefined) byId.set(activity.id, activity);
    context.items.push({
      kind: 'activity',
      id: activity.id,
      titles: [
        activity.title,
        activity.number,
        `${activity.number} ${activity.title}`,
        `${activity.number}. ${activity.title}`,
      ],
      item: activity,
    });
    last = activity;
  }

  const byNumber = (number: string) => plan.activities.filter((activity) => activity.number.trim() === number);
  for (const { record, above } of subRecords) {
    const number = text(record, 'number') ?? '';
    const resolution = resolveParent(record.parentId, parentNumber(number) ?? '', byId, byNumber);
    const activity = 'found' in resolution ? resolution.found : above;
    if (activity === undefined) {
      plan.errors.push(
        issue(
          record,
          record.headings.number ?? null,
          localize((m) => m.importWorkbook.unknownActivity(number)),
        ),
      );
      continue;
    }
    const sub: ImportedSubActivity = {
      id: record.id,
      version: record.version,
      number,
      title: text(record, 'title') ?? '',
      status: text(record, 'status'),
      carryOver: text(record, 'carryOver'),
      origin: originOf(record, SUB_ACTIVITY_FIELDS),
    };
    activity.subActivities.push(sub);
  }
}

const FOLLOW_UP_FIELDS = ['period', 'reportedOn', 'body', 'analysis', 'author', 'status'] as const;

function readFollowUps(records: readonly SheetRecord[], context: ReadContext) {
  const { plan, issue, items } = context;
  const kinds = wordsInEveryLanguage((m) => m.itemKinds);
  const kindOf = (value: string) => {
    const folded = foldWords(value);
    return (Object.keys(kinds) as (keyof typeof kinds)[]).find((kind) =>
      kinds[kind].some((word) => foldWords(word) === folded),
    );
  };
  const byId = new Map(items.flatMap((entry) => (entry.id === undefined ? [] : [[entry.id, entry] as const])));
  for (const record of records) {
    const name = text(record, 'item') ?? '';
    const kind = kindOf(text(record, 'itemKind') ?? '');
    const resolution = resolveParent(record.parentId, name, byId, (title) =>
      items.filter(
        (entry) =>
          (kind === undefined || entry.kind === kind) &&
          entry.titles.some((candidate) => sameText(candidate) === sameText(title)),
      ),
    );
    if (!('found' in resolution)) {
      const message =
        resolution.missing === 'empty'
          ? localize((m) => m.importWorkbook.itemRequired)
          : resolution.missing === 'unknown'
            ? localize((m) => m.importWorkbook.unknownItem(name))
            : localize((m) => m.importWorkbook.ambiguousItem(name));
      plan.errors.push(issue(record, record.headings.item ?? null, message));
      continue;
    }
    const followUp: ImportedFollowUp = {
      id: record.id,
      version: record.version,
      period: text(record, 'period') ?? '',
      reportedOn: text(record, 'reportedOn'),
      body: text(record, 'body') ?? '',
      analysis: text(record, 'analysis'),
      author: text(record, 'author'),
      status: text(record, 'status'),
      origin: originOf(record, FOLLOW_UP_FIELDS),
    };
    resolution.found.item.followUps.push(followUp);
  }
}
