import { splitPeople, parseTypedDate } from '../../../../domain/import-values.ts';
import type { PlanTableField } from '../../../../domain/plan-import.ts';
import { foldWords, type HeadingVocabulary } from '../../../../domain/table-headings.ts';
import type { LocalizedText } from '../../../errors.ts';
import { localize } from '../../../messages/messages.ts';
import type { Table } from '../../../tables/read-table.ts';
import { REPORT_LABELS } from '../../../reports/labels.ts';
import {
  emptyImportedPlan,
  type ImportedAction,
  type ImportedActivity,
  type ImportedControl,
  type ImportedFollowUp,
  type ImportedPlan,
  type ImportedRisk,
  type ImportedSchedule,
  type ImportedSubActivity,
  type ImportProgress,
  type Origin,
} from '../model.ts';

/**
 * A plan table as municipalities write it: one row per risk, per kontrollmoment or per activity,
 * the headings in any order and words, above them perhaps a title and a row of group headings.
 * Known headings are recognised; the person maps the other columns in the preview (or leaves
 * them out), and may save the mapping for the next file of the same layout.
 */

/**
 * The headings by which each field is known, Swedish and English. Case, spacing, signs and
 * å ä ö do not count; a scale or note in brackets after the heading ("Sannolikhet (1-4)") and
 * a heading split over two rows ("Sannolikhet" above "1-4") are recognised too.
 *
 * "Konsekvens" / "Consequence" is both the consequence score next to Sannolikhet and, in some
 * plans, a text describing the effect: the column's values decide (see `isScoreColumn`).
 */
export const PLAN_TABLE_HEADINGS = {
  process: [
    'Process',
    'Processer',
    'Process/rutin/system',
    'Process/rutin',
    'Rutin/system',
    'Process/system',
    'Rutin',
    'Rutiner',
    'System',
    'Verksamhetsprocess',
    'Huvudprocess',
    'Delprocess',
    'Process eller rutin',
    'Routine',
    'Procedure',
    'Business process',
    'Process/routine/system',
  ],
  area: [
    'Kontrollområde',
    'Område',
    'Riskområde',
    'Verksamhetsområde',
    'Granskningsområde',
    'Kategori',
    'Riskkategori',
    'Risktyp',
    'Typ av risk',
    'Area',
    'Risk area',
    'Control area',
    'Category',
    'Risk category',
    'Risk type',
  ],
  risk: [
    'Risk',
    'Risker',
    'Identifierad risk',
    'Identifierade risker',
    'Riskrubrik',
    'Risknamn',
    'Riskbenämning',
    'Vad kan gå fel',
    'Risk name',
    'Risk title',
    'Identified risk',
    'Risks',
  ],
  riskDescription: [
    'Riskbeskrivning',
    'Beskrivning av risk',
    'Beskrivning av risken',
    'Beskrivning',
    'Risk description',
    'Description of risk',
    'Description',
  ],
  cause: ['Orsak', 'Orsaker', 'Riskorsak', 'Bakomliggande orsak', 'Orsak till risk', 'Cause', 'Causes', 'Root cause'],
  effect: [
    'Konsekvensbeskrivning',
    'Beskrivning av konsekvens',
    'Beskrivning av konsekvenser',
    'Följd',
    'Följder',
    'Effekt',
    'Effekter',
    'Effect',
    'Effects',
    'Consequence description',
  ],
  likelihood: ['Sannolikhet', 'S', 'Sannolikhetsbedömning', 'Trolighet', 'Likelihood', 'Probability', 'Sannolikhet S'],
  consequence: [
    'Konsekvens',
    'Konsekvenser',
    'K',
    'Allvarlighetsgrad',
    'Väsentlighet',
    'Konsekvensbedömning',
    'Konsekvens K',
    'Consequence',
    'Consequences',
    'Impact',
    'Severity',
  ],
  riskValue: [
    'Riskvärde',
    'Risknivå',
    'Riskpoäng',
    'Risktal',
    'Riskbedömning',
    'Riskvärdering',
    'RV',
    'S x K',
    'S*K',
    'Risk value',
    'Risk score',
    'Risk level',
    'Risk rating',
  ],
  control: [
    'Kontrollmoment',
    'Kontrollmoment/aktivitet',
    'Kontroll',
    'Kontroller',
    'Kontrollaktivitet',
    'Kontrollpunkt',
    'Kontrollåtgärd',
    'Intern kontroll',
    'Control',
    'Controls',
    'Control activity',
    'Control point',
    'Check',
  ],
  controlDescription: [
    'Kontrollbeskrivning',
    'Beskrivning av kontroll',
    'Beskrivning av kontrollen',
    'Beskrivning av kontrollmoment',
    'Vad ska kontrolleras',
    'Control description',
  ],
  method: [
    'Kontrollmetod',
    'Metod',
    'Metoder',
    'Hur ska kontrollen göras',
    'Hur',
    'Tillvägagångssätt',
    'Arbetssätt',
    'Kontrollsätt',
    'Method',
    'Control method',
    'How',
  ],
  scope: [
    'Omfattning',
    'Urval',
    'Omfattning/urval',
    'Urval/omfattning',
    'Stickprov',
    'Urvalsstorlek',
    'Scope',
    'Sample',
    'Sample size',
    'Scope/sample',
  ],
  frequency: ['Frekvens', 'Periodicitet', 'Hur ofta', 'Intervall', 'Kontrollfrekvens', 'Frequency', 'How often'],
  timing: [
    'Tidpunkt',
    'När',
    'Tidplan',
    'Tidsplan',
    'Tid',
    'När ska kontrollen göras',
    'Kontrolltillfälle',
    'Timing',
    'When',
    'Schedule',
  ],
  controlResponsible: [
    'Kontrollansvarig',
    'Ansvarig för kontroll',
    'Ansvarig för kontrollen',
    'Utförs av',
    'Utförare',
    'Vem utför',
    'Kontrollant',
    'Genomförs av',
    'Control owner',
    'Performed by',
    'Performer',
  ],
  responsible: [
    'Ansvarig',
    'Ansvariga',
    'Ansvarig person',
    'Ansvar',
    'Ansvarig tjänsteperson',
    'Huvudansvarig',
    'Ansvarig chef',
    'Riskägare',
    'Responsible',
    'Owner',
    'Responsible person',
    'Risk owner',
  ],
  reportsTo: [
    'Rapporteras till',
    'Rapportering till',
    'Rapporteras',
    'Återrapportering',
    'Återrapporteras till',
    'Rapportering',
    'Reports to',
    'Reported to',
    'Reporting to',
    'Reporting',
  ],
  action: [
    'Åtgärd',
    'Åtgärder',
    'Förbättringsåtgärd',
    'Förbättringsåtgärder',
    'Riskreducerande åtgärd',
    'Planerad åtgärd',
    'Planerade åtgärder',
    'Action',
    'Actions',
    'Mitigation',
    'Improvement action',
  ],
  whatToDo: [
    'Vad ska göras',
    'Beskrivning av åtgärd',
    'Åtgärdsbeskrivning',
    'Aktivitetsbeskrivning',
    'Beskrivning av aktivitet',
    'What to do',
    'Action description',
    'Activity description',
  ],
  activityNumber: ['Nr', 'Nummer', 'Löpnummer', 'Id', 'Aktivitetsnummer', 'No', 'Number', 'Activity number'],
  activity: [
    'Aktivitet',
    'Aktiviteter',
    'Uppdrag/aktivitet',
    'Aktivitet/uppdrag',
    'Uppdrag',
    'Insats',
    'Activity',
    'Activities',
    'Task',
  ],
  subActivity: [
    'Delaktivitet',
    'Delaktiviteter',
    'Underaktivitet',
    'Deluppdrag',
    'Sub-activity',
    'Sub-activities',
    'Subtask',
  ],
  status: ['Status', 'Läge', 'Statusläge', 'State'],
  startDate: ['Startdatum', 'Start', 'Startar', 'Från', 'Fr.o.m.', 'Påbörjas', 'Start date', 'From', 'Begins'],
  endDate: [
    'Slutdatum',
    'Slut',
    'Klart senast',
    'Klar senast',
    'Senast',
    'T.o.m.',
    'Till',
    'Deadline',
    'Färdigdatum',
    'End date',
    'Due date',
    'Ends',
  ],
  checkpoints: [
    'Avstämning',
    'Avstämningar',
    'Avstämningsdatum',
    'Avstämningstillfällen',
    'Checkpoints',
    'Milestones',
    'Check-ins',
  ],
  period: ['Period', 'Uppföljningsperiod', 'Rapporteringsperiod', 'Reporting period', 'Follow-up period'],
  followUp: [
    'Uppföljning',
    'Uppföljningar',
    'Resultat',
    'Utfall',
    'Uppföljning/resultat',
    'Kontrollresultat',
    'Resultat av kontroll',
    'Iakttagelser',
    'Follow-up',
    'Result',
    'Results',
    'Outcome',
    'Findings',
  ],
  comment: [
    'Kommentar',
    'Kommentarer',
    'Anteckning',
    'Anteckningar',
    'Övrigt',
    'Notering',
    'Noteringar',
    'Comment',
    'Comments',
    'Notes',
    'Note',
    'Remarks',
  ],
} as const satisfies HeadingVocabulary<PlanTableField>;

/** Headings that name the consequence score or the effect's text, told apart by the values below. */
const SCORE_OR_TEXT = new Set(['konsekvens', 'konsekvenser', 'consequence', 'consequences']);

/** Words of a risk scale ("Hög", "Kännbar"): such a column is a score, not a text. */
const SCALE_WORDS = new Set(
  [
    'låg',
    'medel',
    'hög',
    'mycket låg',
    'mycket hög',
    'liten',
    'lindrig',
    'måttlig',
    'kännbar',
    'betydande',
    'allvarlig',
    'mycket allvarlig',
    'försumbar',
    'katastrofal',
    'low',
    'medium',
    'high',
    'minor',
    'moderate',
    'major',
    'severe',
    'critical',
    'negligible',
  ].map(foldWords),
);

/** The key under which a tenant's saved mapping keeps a heading. */
export function mappingKey(heading: string): string {
  return foldWords(heading);
}

export interface MappedColumn {
  /** 1-based, as a spreadsheet counts. */
  column: number;
  /** "C". */
  letter: string;
  heading: string;
  field: PlanTableField | null;
  /** Whether the field was known without asking: by the vocabulary or by the tenant's saved mapping. */
  recognised: boolean;
}

export interface TableMapping {
  /** The worksheet read; null for CSV. */
  sheet: string | null;
  /** The rows of the headings, 1-based; empty when no row was found. */
  headerRows: number[];
  columns: MappedColumn[];
}

/** A saved mapping: `mappingKey(heading)` to a field, or null for a column left out. */
export type SavedMapping = Readonly<Record<string, PlanTableField | null>>;

/** How many rows from the top may hold the headings. */
const HEADER_SCAN = 25;
/** How many rows a heading may be made of (a title is not part of it). */
const MOST_HEADER_ROWS = 3;

const VOCABULARY_BY_KEY: ReadonlyMap<string, PlanTableField> = new Map(
  (Object.entries(PLAN_TABLE_HEADINGS) as [PlanTableField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [foldWords(name), field] as const),
  ),
);

/** "A" for 1, "AA" for 27. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

interface Recognition {
  field: PlanTableField | null;
  /** The heading's key, when recognition named the field. */
  key: string | null;
  recognised: boolean;
}

/**
 * The field a heading names: the tenant's saved mapping first, then the vocabulary, as written,
 * without a note in brackets, without a trailing scale ("1-4") or with only what stands before
 * a colon or dash.
 */
function recogniseHeading(heading: string, saved: SavedMapping | undefined): Recognition {
  const key = foldWords(heading);
  if (key === '') return { field: null, key: null, recognised: false };
  if (saved && Object.hasOwn(saved, key)) return { field: saved[key] ?? null, key, recognised: true };
  const variants = [
    heading,
    heading.replace(/\s*[([][^)\]]*[)\]]\s*/g, ' '),
    heading.replace(/\s*\d+\s*[-–]\s*\d+\s*$/, ''),
    heading.split(/\s*[:–]\s*|\s+-\s+/)[0] ?? '',
  ];
  for (const variant of variants) {
    const variantKey = foldWords(variant);
    const field = VOCABULARY_BY_KEY.get(variantKey);
    if (field !== undefined) return { field, key: variantKey, recognised: true };
  }
  return { field: null, key: null, recognised: false };
}

interface HeaderCandidate {
  /** 0-based indices of the header rows. */
  rows: number[];
  columns: (MappedColumn & { key: string | null })[];
  count: number;
}

/** The columns a set of header rows names, each column's heading taken from its rows top-down. */
function evaluateHeader(table: Table, rowIndices: number[], saved: SavedMapping | undefined): HeaderCandidate {
  const width = Math.max(0, ...rowIndices.map((index) => table.rows[index]?.length ?? 0));
  const columns: HeaderCandidate['columns'] = [];
  for (let column = 1; column <= width; column++) {
    const cells: string[] = [];
    for (const index of rowIndices) {
      const text = (table.rows[index]?.[column - 1] ?? '').replace(/\s+/g, ' ').trim();
      if (text !== '' && !cells.includes(text)) cells.push(text);
    }
    if (cells.length === 0) continue;
    const candidates = cells.length > 1 ? [cells.join(' '), ...[...cells].reverse()] : cells;
    let chosen: { heading: string; recognition: Recognition } | undefined;
    for (const candidate of candidates) {
      const recognition = recogniseHeading(candidate, saved);
      if (recognition.recognised) {
        chosen = { heading: candidate, recognition };
        break;
      }
    }
    const heading = chosen?.heading ?? cells.join(' ');
    const recognition = chosen?.recognition ?? { field: null, key: null, recognised: false };
    columns.push({
      column,
      letter: columnLetter(column),
      heading,
      field: recognition.field,
      recognised: recognition.recognised,
      key: recognition.key,
    });
  }
  const count = new Set(columns.flatMap((column) => (column.field === null ? [] : [column.field]))).size;
  return { rows: rowIndices, columns, count };
}

/** A row below the headings that only gives their scale or unit: "(1-4)", "1–5", "[dagar]". */
function isScaleRow(cells: readonly string[] | undefined) {
  const filled = (cells ?? []).filter((cell) => cell !== '');
  return filled.length > 0 && filled.every((cell) => /^(?:\(.*\)|\[.*\]|\d+\s*[-–]\s*\d+)$/.test(cell));
}

/**
 * Whether a row is part of the heading below it although it names no more fields: each of its
 * cells repeats the cell below (a heading merged over both rows), names a field itself (a
 * group heading such as "Riskbedömning") or stands over several columns but not all (a group
 * heading merged across some). A title over the whole table is none of these.
 */
function continuesHeading(
  above: readonly string[] | undefined,
  below: readonly string[] | undefined,
  saved: SavedMapping | undefined,
) {
  const cells = above ?? [];
  const width = (below ?? []).filter((cell) => cell !== '').length;
  const filled = cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell !== '');
  if (filled.length === 0) return false;
  return filled.every(({ cell, index }) => {
    if (cell === below?.[index]) return true;
    if (recogniseHeading(cell, saved).recognised) return true;
    const span = filled.filter((other) => other.cell === cell).length;
    return span > 1 && span < width;
  });
}

/** The header rows of one table that name the most fields; a row above is added only if it names more. */
function detectHeader(table: Table, saved: SavedMapping | undefined): HeaderCandidate | undefined {
  let best: HeaderCandidate | undefined;
  for (let bottom = 0; bottom < Math.min(table.rows.length, HEADER_SCAN); bottom++) {
    if ((table.rows[bottom] ?? []).every((cell) => cell === '')) continue;
    let candidate = evaluateHeader(table, [bottom], saved);
    for (let extra = 1; extra < MOST_HEADER_ROWS && bottom - extra >= 0; extra++) {
      const rows = Array.from({ length: extra + 1 }, (_, index) => bottom - extra + index);
      const wider = evaluateHeader(table, rows, saved);
      const above = table.rows[bottom - extra];
      const below = table.rows[bottom - extra + 1];
      if (wider.count < candidate.count) break;
      if (wider.count === candidate.count && !continuesHeading(above, below, saved)) break;
      candidate = wider;
    }
    if (candidate.count > (best?.count ?? 0)) best = candidate;
  }
  if (best && isScaleRow(table.rows[best.rows.at(-1)! + 1])) {
    const rows = [...best.rows, best.rows.at(-1)! + 1];
    const withScale = evaluateHeader(table, rows, saved);
    if (withScale.count >= best.count) best = withScale;
  }
  return best;
}

/**
 * Whether the values under a "Konsekvens" column are scores (1–5, "3 - Kännbar", "Hög") rather
 * than texts describing the effect. Most of the filled cells decide; an empty column is a score.
 */
export function isScoreColumn(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== '');
  if (filled.length === 0) return true;
  const scores = filled.filter(
    (value) =>
      /^\d+(?:[.,]\d+)?(?:\s*[-–:.]?\s*\p{L}[\p{L} ]{0,25})?$/u.test(value) || SCALE_WORDS.has(foldWords(value)),
  );
  return scores.length * 2 >= filled.length;
}

/**
 * The mapping the preview proposes: the sheet (visible sheets first) and header rows that name
 * the most fields, and each column's field. A saved mapping (keys: `mappingKey(heading)`) comes
 * before the vocabulary. A field is held by the first column naming it, and by the columns right
 * after it under the same (merged) heading; another column of the same name is left for the
 * person to map.
 */
export function suggestMapping(tables: readonly Table[], saved?: SavedMapping): TableMapping {
  const ordered = [...tables.filter((table) => !table.hidden), ...tables.filter((table) => table.hidden)];
  let best: { table: Table; header: HeaderCandidate } | undefined;
  for (const table of ordered) {
    const header = detectHeader(table, saved);
    if (header && header.count > (best?.header.count ?? 0)) best = { table, header };
  }
  if (!best) {
    const table = ordered.find((candidate) => candidate.rows.some((row) => row.some((cell) => cell !== '')));
    if (!table) return { sheet: ordered[0]?.sheet ?? null, headerRows: [], columns: [] };
    const first = table.rows.findIndex((row) => row.some((cell) => cell !== ''));
    best = { table, header: evaluateHeader(table, [first], saved) };
  }
  const { table, header } = best;
  const dataStart = header.rows.at(-1)! + 1;
  const taken = new Map<PlanTableField, MappedColumn>();
  const columns = header.columns.map(({ key, ...column }): MappedColumn => {
    let field = column.field;
    const fromVocabulary = column.recognised && !(saved && key !== null && Object.hasOwn(saved, key));
    if (fromVocabulary && key !== null && SCORE_OR_TEXT.has(key)) {
      const values = table.rows.slice(dataStart).map((row) => row[column.column - 1] ?? '');
      field = isScoreColumn(values) ? 'consequence' : 'effect';
    }
    if (field === null) return column;
    const holder = taken.get(field);
    if (holder === undefined) {
      const mapped = { ...column, field };
      taken.set(field, mapped);
      return mapped;
    }
    // The second column under a heading merged over both holds the same field.
    if (holder.column === column.column - 1 && foldWords(holder.heading) === foldWords(column.heading)) {
      const mapped = { ...column, field };
      taken.set(field, mapped);
      return mapped;
    }
    return { ...column, field: null, recognised: false };
  });
  return { sheet: table.sheet, headerRows: header.rows.map((index) => index + 1), columns };
}

/** The plan kind a mapping suggests: an activity plan if it has activity columns and no risk or control. */
export function suggestedPlanKind(mapping: TableMapping): 'internal_control' | 'activity' {
  const fields = new Set(mapping.columns.map((column) => column.field));
  const activity = fields.has('activity') || fields.has('subActivity');
  const control = fields.has('risk') || fields.has('control') || fields.has('riskDescription');
  return activity && !control ? 'activity' : 'internal_control';
}

// Reading the rows.

/** Fields that only an internal control plan uses. */
const CONTROL_PLAN_FIELDS = new Set<PlanTableField>([
  'process',
  'area',
  'risk',
  'cause',
  'effect',
  'likelihood',
  'consequence',
  'riskValue',
  'control',
  'method',
  'scope',
  'frequency',
  'timing',
  'reportsTo',
  'action',
]);
/** Fields that only an activity plan uses (a number column is left out quietly: it only counts rows). */
const ACTIVITY_PLAN_FIELDS = new Set<PlanTableField>(['activity', 'subActivity']);

const SCHEDULE_FIELDS: readonly PlanTableField[] = [
  'controlResponsible',
  'responsible',
  'status',
  'startDate',
  'endDate',
  'checkpoints',
];

/** How often progress is told, in rows. */
const PROGRESS_EVERY = 250;

/**
 * A cell's text as Markdown: each line a paragraph, lines starting with a bullet ("-", "•", "*",
 * "–", "▪") or a number ("1.", "1)") a list. Text without line breaks is left as it is.
 */
export function cellMarkdown(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.includes('\n')) return trimmed;
  const blocks: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) blocks.push(list.join('\n'));
    list = [];
  };
  for (const raw of trimmed.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const bullet = /^[-•·*–▪◦]\s*(.+)$/.exec(line);
    const numbered = /^(\d+)[.)]\s+(.+)$/.exec(line);
    if (bullet) list.push(`- ${bullet[1]!}`);
    else if (numbered) list.push(`${numbered[1]!}. ${numbered[2]!}`);
    else {
      flush();
      blocks.push(line);
    }
  }
  flush();
  return blocks.join('\n\n');
}

/** A title from a cell: its first line (without a bullet); the other lines are a description. */
function titleAndRest(text: string): { title: string; rest: string } {
  const lines = text.trim().split('\n');
  const title = (lines[0] ?? '').replace(/^[-•·*–▪◦]\s*/, '').trim();
  return { title, rest: cellMarkdown(lines.slice(1).join('\n')) };
}

/** "**Orsak:** text", or the heading above the text when it has paragraphs of its own. */
function labelled(heading: string, text: string): string {
  const markdown = cellMarkdown(text);
  const label = heading.replace(/[\s:]+$/, '');
  return markdown.includes('\n') ? `**${label}:**\n\n${markdown}` : `**${label}:** ${markdown}`;
}

interface RowReader {
  row: number;
  /** A field's text: the cells of its columns, the same text once, joined as paragraphs. */
  get: (field: PlanTableField) => string;
  has: (field: PlanTableField) => boolean;
  letter: (field: PlanTableField) => string | undefined;
  heading: (field: PlanTableField) => string;
}

/** Description parts, kept apart until the end so that a repeated row adds nothing twice. */
interface Parts {
  parts: string[];
  /** Whether any column the description is made of is mapped. */
  mapped: boolean;
}

function addPart(parts: Parts, text: string) {
  if (text !== '' && !parts.parts.includes(text)) parts.parts.push(text);
}

function joinParts(parts: Parts): string | undefined {
  return parts.mapped ? parts.parts.join('\n\n') : undefined;
}

/**
 * Reads the rows below the headings into a plan of the given kind, as the mapping says.
 *
 * Internal control plan: a row names a risk, and perhaps a kontrollmoment and an åtgärd under it.
 * A row without a risk continues the risk above (a risk merged over several rows is read as one,
 * since its text stands in every row); rows with the same risk title (and process) are one
 * risk. A blank process or area cell means the same as above. A row whose cells all say the same
 * (a section heading merged across the table) sets the area (or process) of the rows below.
 *
 * What the schema has no field for is put where a municipal user would look for it, under the
 * file's own heading: cause and effect as "**Orsak:** …" paragraphs of the risk's description;
 * scope, timing and "reports to" as paragraphs of the control's description; the control
 * responsible and the responsible both as the item's responsible people. A comment or
 * follow-up text with a period becomes a follow-up of the row's item (control, else action,
 * else activity); without a period it is added to that item's description (an action's
 * follow-up text to its measures taken).
 *
 * Activity plan: a row names an activity (its number in a column of its own or before the title,
 * "1. Utveckla …") and perhaps a sub-activity ("1.1 …"; a title whose number extends the
 * activity's is a sub-activity too).
 */
export function readPlanTable(
  tables: readonly Table[],
  mapping: TableMapping,
  options: { kind: 'internal_control' | 'activity' },
  progress?: ImportProgress,
): ImportedPlan {
  const plan = emptyImportedPlan(false);
  plan.kind = options.kind;
  const table = tables.find((candidate) => candidate.sheet === mapping.sheet) ?? tables[0];
  const sheet = table?.sheet ?? null;
  const issue = (row: number | null, column: string | null, message: LocalizedText) => ({
    sheet,
    row,
    column,
    message,
  });

  const byField = new Map<PlanTableField, MappedColumn[]>();
  for (const column of mapping.columns)
    if (column.field !== null) byField.set(column.field, [...(byField.get(column.field) ?? []), column]);

  const itemFields: PlanTableField[] =
    options.kind === 'activity'
      ? ['activity', 'subActivity']
      : ['risk', 'riskDescription', 'control', 'method', 'action', 'whatToDo'];
  if (!table || !itemFields.some((field) => byField.has(field))) {
    plan.errors.push(
      issue(
        null,
        null,
        localize((m) => m.importTable.noItemColumn),
      ),
    );
    return plan;
  }
  const unused = options.kind === 'activity' ? CONTROL_PLAN_FIELDS : ACTIVITY_PLAN_FIELDS;
  for (const column of mapping.columns)
    if (column.field !== null && unused.has(column.field))
      plan.warnings.push(
        issue(
          null,
          column.letter,
          localize((m) =>
            options.kind === 'activity'
              ? m.importTable.notInActivityPlan(column.heading)
              : m.importTable.notInControlPlan(column.heading),
          ),
        ),
      );

  const headerRows = mapping.headerRows.length > 0 ? mapping.headerRows : [0];
  const lastHeader = Math.max(...headerRows);
  const headingCells = table.rows[lastHeader - 1] ?? [];
  const mappedColumns = mapping.columns.filter((column) => column.field !== null);
  const warnedOnce = new Set<string>();
  const warnOnce = (key: string, warning: ReturnType<typeof issue>) => {
    if (warnedOnce.has(key)) return;
    warnedOnce.add(key);
    plan.warnings.push(warning);
  };

  const reader =
    options.kind === 'activity'
      ? activityReader(plan, sheet, issue)
      : controlPlanReader(plan, sheet, issue, (field) => byField.has(field));
  Object.assign(plan, titleAbove(table, Math.min(...headerRows) - 1));
  const total = Math.max(0, table.rows.length - lastHeader);
  for (let index = lastHeader; index < table.rows.length; index++) {
    const done = index - lastHeader;
    if (progress && done > 0 && done % PROGRESS_EVERY === 0) progress(done, total);
    const cells = table.rows[index]!;
    const filled = mappedColumns.filter((column) => (cells[column.column - 1] ?? '') !== '');
    if (filled.length === 0) continue;
    // The headings again (a table printed over several pages repeats them).
    if (
      filled.every(
        (column) => foldWords(cells[column.column - 1]!) === foldWords(headingCells[column.column - 1] ?? ''),
      )
    )
      continue;
    const texts = new Set(filled.map((column) => cells[column.column - 1]!));
    if (texts.size === 1 && filled.length >= Math.min(3, Math.max(2, mappedColumns.length))) {
      reader.section([...texts][0]!);
      continue;
    }
    const row: RowReader = {
      row: index + 1,
      get: (field) => {
        const values: string[] = [];
        for (const column of byField.get(field) ?? []) {
          const value = (cells[column.column - 1] ?? '').trim();
          if (value !== '' && !values.includes(value)) values.push(value);
        }
        return values.join('\n\n');
      },
      has: (field) => byField.has(field),
      letter: (field) => byField.get(field)?.[0]?.letter,
      heading: (field) => byField.get(field)?.[0]?.heading ?? field,
    };
    reader.row(row, warnOnce);
  }
  reader.finish();
  if (progress) progress(total, total);
  if (plan.risks.length + plan.actions.length + plan.activities.length === 0 && plan.errors.length === 0)
    plan.errors.push(
      issue(
        null,
        null,
        localize((m) => m.importTable.emptyTable),
      ),
    );
  return plan;
}

/**
 * The plan's title and period from a title above the headings ("Internkontrollplan 2021
 * Socialnämnden"): the first row above them that holds one text, if it names a year or a range
 * of years.
 */
function titleAbove(table: Table, headerIndex: number): { title?: string; period?: string } {
  for (let index = 0; index < headerIndex; index++) {
    const texts = new Set((table.rows[index] ?? []).filter((cell) => cell !== ''));
    if (texts.size === 0) continue;
    if (texts.size > 1) return {};
    const title = [...texts][0]!.replace(/\s+/g, ' ');
    const years = /(?<!\d)((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)\d{2}))?(?!\d)/.exec(title);
    if (!years) return {};
    return { title, period: years[2] === undefined ? years[1]! : `${years[1]!}-${years[2]}` };
  }
  return {};
}

type Issue = (row: number | null, column: string | null, message: LocalizedText) => ImportedPlan['errors'][number];
type WarnOnce = (key: string, warning: ReturnType<Issue>) => void;

interface Reader {
  section(text: string): void;
  row(row: RowReader, warnOnce: WarnOnce): void;
  finish(): void;
}

function origin(sheet: string | null, row: number, columns: Record<string, string | undefined>): Origin {
  const present: Partial<Record<string, string>> = {};
  for (const [key, letter] of Object.entries(columns)) if (letter !== undefined) present[key] = letter;
  return { sheet, row, columns: present };
}

/** The schedule of a row, or undefined for a field whose column is not mapped. */
function readSchedule(row: RowReader): Omit<ImportedSchedule, 'followUps' | 'reporting'> {
  const people = (['controlResponsible', 'responsible'] as const).filter((field) => row.has(field));
  const text = (field: PlanTableField) => (row.has(field) ? row.get(field) : undefined);
  const checkpoints = text('checkpoints');
  return {
    responsible: people.length === 0 ? undefined : [...new Set(people.flatMap((field) => splitPeople(row.get(field))))],
    status: text('status'),
    startDate: text('startDate'),
    endDate: text('endDate'),
    checkpoints: checkpoints === undefined ? undefined : splitDates(checkpoints),
  };
}

/** Several dates in a cell: by semicolons and line breaks, by commas too when every part is a date. */
function splitDates(text: string): string[] {
  const parts = text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.flatMap((part) => {
    const pieces = part.split(',').map((piece) => piece.trim());
    return pieces.length > 1 && pieces.every((piece) => parseTypedDate(piece) !== null) ? pieces : [part];
  });
}

/** Adds a row's schedule to an item: people gathered, the first value of every other field kept. */
function mergeSchedule(target: ImportedSchedule, schedule: ReturnType<typeof readSchedule>) {
  if (schedule.responsible !== undefined)
    target.responsible = [...new Set([...(target.responsible ?? []), ...schedule.responsible])];
  for (const key of ['status', 'startDate', 'endDate'] as const)
    if (schedule[key] !== undefined && !target[key]) target[key] = schedule[key];
  if (schedule.checkpoints !== undefined)
    target.checkpoints = [...new Set([...(target.checkpoints ?? []), ...schedule.checkpoints])];
}

function hasSchedule(row: RowReader) {
  return SCHEDULE_FIELDS.some((field) => row.get(field) !== '');
}

/**
 * A follow-up of the row's item when the row has a period; otherwise the texts for the item's
 * description, with a warning (once per column) that the follow-up text had no period.
 */
function followUpOf(
  row: RowReader,
  sheet: string | null,
  issue: Issue,
  warnOnce: WarnOnce,
): { followUp?: ImportedFollowUp; followUpText?: string; comment?: string } {
  const period = row.get('period');
  const followUp = row.get('followUp');
  const comment = row.get('comment');
  if (period !== '' && (followUp !== '' || comment !== ''))
    return {
      followUp: {
        period,
        body: [followUp, comment]
          .filter((text) => text !== '')
          .map(cellMarkdown)
          .join('\n\n'),
        origin: origin(sheet, row.row, {
          period: row.letter('period'),
          body: followUp !== '' ? row.letter('followUp') : row.letter('comment'),
        }),
      },
    };
  if (followUp !== '')
    warnOnce(
      'followUpWithoutPeriod',
      issue(
        row.row,
        row.letter('followUp') ?? null,
        localize((m) => m.importTable.followUpWithoutPeriod(row.heading('followUp'))),
      ),
    );
  return {
    ...(followUp !== '' ? { followUpText: labelled(row.heading('followUp'), followUp) } : {}),
    ...(comment !== '' ? { comment: labelled(row.heading('comment'), comment) } : {}),
  };
}

interface RiskState {
  risk: ImportedRisk;
  description: Parts;
  /** The row each scored value was taken from, to name it when another row differs. */
  valueRows: Partial<Record<'likelihood' | 'consequence' | 'riskValue', number>>;
  controls: { control: ImportedControl; description: Parts }[];
  actions: ImportedAction[];
}

/** Headings that name a risk's category rather than its area or process. */
const CATEGORY_HEADING = /kategori|category|risktyp|typavrisk|risktype/;

function controlPlanReader(
  plan: ImportedPlan,
  sheet: string | null,
  issue: Issue,
  mapped: (field: PlanTableField) => boolean,
): Reader {
  const risks = new Map<string, RiskState>();
  const states: RiskState[] = [];
  let current: RiskState | undefined;
  let context = { process: '', area: '' };
  // A section heading names the area, or the process when the table has an area column.
  const sectionField = !mapped('area') ? 'area' : !mapped('process') ? 'process' : null;
  const looseActions: ImportedAction[] = [];

  return {
    section(text) {
      if (sectionField) context = { ...context, [sectionField]: text };
      current = undefined;
    },
    row(row, warnOnce) {
      for (const field of ['process', 'area'] as const) {
        const value = row.get(field);
        if (value !== '') context = { ...context, [field]: value };
      }
      const titleField: PlanTableField = row.has('risk') ? 'risk' : 'riskDescription';
      const riskText = row.get(titleField);
      const others = (
        [
          'riskDescription',
          'cause',
          'effect',
          'likelihood',
          'consequence',
          'riskValue',
          'control',
          'controlDescription',
          'method',
          'scope',
          'frequency',
          'timing',
          'reportsTo',
          'action',
          'whatToDo',
          'period',
          'followUp',
          'comment',
          ...SCHEDULE_FIELDS,
        ] as PlanTableField[]
      ).some((field) => row.get(field) !== '');
      // A row with only a process or an area sets them for the rows below.
      if (riskText === '' && !others) {
        current = undefined;
        return;
      }

      if (riskText !== '') current = riskFor(row, titleField, riskText);
      if (current) addRiskValues(current, row, titleField, warnOnce);

      const controlField: PlanTableField = row.has('control') ? 'control' : 'method';
      // A risk's row that says it has no control ("Inget kontrollmoment") is the risk alone.
      const controlText = saysNoControl(row.get(controlField)) ? '' : row.get(controlField);
      const actionField: PlanTableField = row.has('action') ? 'action' : 'whatToDo';
      const actionText = row.get(actionField);
      const follow = followUpOf(row, sheet, issue, warnOnce);

      let control: RiskState['controls'][number] | undefined;
      if (controlText !== '') {
        if (!current) {
          plan.errors.push(
            issue(
              row.row,
              row.letter(controlField) ?? null,
              localize((m) => m.importTable.controlWithoutRisk),
            ),
          );
        } else control = controlFor(current, row, controlField, controlText);
      }
      let action: ImportedAction | undefined;
      if (actionText !== '') action = actionFor(current, row, actionField, actionText);

      if (control) {
        mergeSchedule(control.control, readSchedule(row));
        if (follow.followUp) control.control.followUps.push(follow.followUp);
        if (follow.followUpText) addPart(control.description, follow.followUpText);
        if (follow.comment) addPart(control.description, follow.comment);
        if (follow.followUpText || follow.comment) control.description.mapped = true;
      } else if (action) {
        mergeSchedule(action, readSchedule(row));
        if (follow.followUp) action.followUps.push(follow.followUp);
        if (follow.followUpText) action.measuresTaken = appendText(action.measuresTaken, follow.followUpText);
        if (follow.comment) action.whatToDo = appendText(action.whatToDo, follow.comment);
      } else {
        if (controlText === '' && (hasSchedule(row) || follow.followUp))
          plan.warnings.push(
            issue(
              row.row,
              row.letter(SCHEDULE_FIELDS.find((field) => row.get(field) !== '') ?? 'period') ?? null,
              localize((m) =>
                m.importTable.detailsWithoutItem(
                  [...SCHEDULE_FIELDS, 'period' as const]
                    .filter((field) => row.get(field) !== '')
                    .map((field) => row.heading(field))
                    .join(', '),
                ),
              ),
            ),
          );
        if (current && (follow.followUpText || follow.comment)) {
          if (follow.followUpText) addPart(current.description, follow.followUpText);
          if (follow.comment) addPart(current.description, follow.comment);
          current.description.mapped = true;
        }
      }
    },
    finish() {
      for (const state of states) {
        state.risk.description = joinParts(state.description);
        for (const { control, description } of state.controls) control.description = joinParts(description);
        state.risk.controls = state.controls.map(({ control }) => control);
        state.risk.actions = state.actions;
        plan.risks.push(state.risk);
      }
      plan.actions.push(...looseActions);
    },
  };

  /**
   * An area column or section (kontrollområde, område) is the risk's process when the table has
   * no process column; a column headed as a category (kategori, risktyp) is its category.
   */
  function areaIsProcess(row: RowReader): boolean {
    if (mapped('process')) return false;
    return !(row.has('area') && CATEGORY_HEADING.test(foldWords(row.heading('area'))));
  }

  function processAndCategory(row: RowReader): { process?: string; category?: string } {
    const hasArea = row.has('area') || sectionField === 'area';
    const process = row.has('process') || sectionField === 'process' ? context.process : undefined;
    if (!hasArea) return process === undefined ? {} : { process };
    if (areaIsProcess(row)) return { process: context.area };
    return process === undefined ? { category: context.area } : { process, category: context.area };
  }

  function riskFor(row: RowReader, titleField: PlanTableField, text: string): RiskState {
    const { title, rest } = titleAndRest(text);
    const key = `${foldWords(context.process)}|${foldWords(title)}`;
    const known = risks.get(key);
    if (known) {
      if (rest !== '') addPart(known.description, rest);
      return known;
    }
    const risk: ImportedRisk = {
      title,
      ...processAndCategory(row),
      cause: titleField === 'risk' && row.has('cause') ? '' : undefined,
      effect: row.has('effect') ? '' : undefined,
      likelihood: row.has('likelihood') ? '' : undefined,
      consequence: row.has('consequence') ? '' : undefined,
      riskValue: row.has('riskValue') ? '' : undefined,
      controls: [],
      actions: [],
      origin: origin(sheet, row.row, {
        title: row.letter(titleField),
        description: row.letter(titleField === 'risk' ? 'riskDescription' : 'cause'),
        cause: titleField === 'risk' ? row.letter('cause') : undefined,
        effect: row.letter('effect'),
        process: row.letter('process') ?? (areaIsProcess(row) ? row.letter('area') : undefined),
        category: areaIsProcess(row) ? undefined : row.letter('area'),
        likelihood: row.letter('likelihood'),
        consequence: row.letter('consequence'),
        riskValue: row.letter('riskValue'),
      }),
    };
    const description: Parts = {
      parts: [],
      mapped: titleField === 'risk' && row.has('riskDescription'),
    };
    if (rest !== '') {
      addPart(description, rest);
      description.mapped = true;
    }
    const state: RiskState = { risk, description, valueRows: {}, controls: [], actions: [] };
    risks.set(key, state);
    states.push(state);
    return state;
  }

  function addRiskValues(state: RiskState, row: RowReader, titleField: PlanTableField, warnOnce: WarnOnce) {
    if (titleField === 'risk') addPart(state.description, cellMarkdown(row.get('riskDescription')));
    // Cause and effect are the risk's own fields; a cause column that is the risk's only text is its description.
    if (titleField !== 'risk') addPart(state.description, cellMarkdown(row.get('cause')));
    for (const field of titleField === 'risk' ? (['cause', 'effect'] as const) : (['effect'] as const)) {
      const text = cellMarkdown(row.get(field));
      if (text !== '' && !state.risk[field]) state.risk[field] = text;
    }
    for (const field of ['likelihood', 'consequence', 'riskValue'] as const) {
      const value = row.get(field);
      if (value === '') continue;
      const kept = state.risk[field];
      if (!kept) {
        state.risk[field] = value;
        state.valueRows[field] = row.row;
      } else if (foldWords(kept) !== foldWords(value)) {
        const keptRow = state.valueRows[field]!;
        warnOnce(
          `differs:${String(row.row)}:${field}`,
          issue(
            row.row,
            row.letter(field) ?? null,
            localize((m) => m.importTable.riskDiffers(row.heading(field), keptRow, kept)),
          ),
        );
      }
    }
  }

  function controlFor(state: RiskState, row: RowReader, field: PlanTableField, text: string) {
    const { title, rest } = titleAndRest(text);
    const last = state.controls.at(-1);
    let entry = last && foldWords(last.control.title) === foldWords(title) ? last : undefined;
    if (!entry) {
      const control: ImportedControl = {
        title,
        method: field === 'control' && row.has('method') ? '' : undefined,
        scope: row.has('scope') ? '' : undefined,
        frequency: row.has('frequency') ? '' : undefined,
        reportingTime: row.has('timing') ? '' : undefined,
        reportsTo: row.has('reportsTo') ? '' : undefined,
        followUps: [],
        origin: origin(sheet, row.row, {
          title: row.letter(field),
          description: row.letter('controlDescription'),
          method: field === 'control' ? row.letter('method') : undefined,
          scope: row.letter('scope'),
          frequency: row.letter('frequency'),
          reportingTime: row.letter('timing'),
          reportsTo: row.letter('reportsTo'),
          responsible: row.letter('controlResponsible') ?? row.letter('responsible'),
          status: row.letter('status'),
          startDate: row.letter('startDate'),
          endDate: row.letter('endDate'),
          checkpoints: row.letter('checkpoints'),
        }),
      };
      entry = {
        control,
        description: {
          parts: [],
          mapped: row.has('controlDescription'),
        },
      };
      state.controls.push(entry);
    }
    const { control, description } = entry;
    if (rest !== '') {
      addPart(description, rest);
      description.mapped = true;
    }
    addPart(description, cellMarkdown(row.get('controlDescription')));
    // Scope, time of reporting and recipients are the control's own fields: the first row that gives one sets it.
    if (!control.scope) control.scope = cellMarkdown(row.get('scope')) || control.scope;
    if (!control.reportingTime) control.reportingTime = row.get('timing') || control.reportingTime;
    if (!control.reportsTo) control.reportsTo = row.get('reportsTo') || control.reportsTo;
    if (field === 'control' && !control.method) control.method = cellMarkdown(row.get('method')) || control.method;
    if (!control.frequency) control.frequency = row.get('frequency') || control.frequency;
    return entry;
  }

  function actionFor(state: RiskState | undefined, row: RowReader, field: PlanTableField, text: string) {
    const { title, rest } = titleAndRest(text);
    const list = state ? state.actions : looseActions;
    const last = list.at(-1);
    if (last && foldWords(last.title) === foldWords(title)) return last;
    const whatToDo = [rest, field === 'action' ? cellMarkdown(row.get('whatToDo')) : '']
      .filter((part) => part !== '')
      .join('\n\n');
    const action: ImportedAction = {
      title,
      whatToDo: whatToDo !== '' || (field === 'action' && row.has('whatToDo')) ? whatToDo : undefined,
      followUps: [],
      origin: origin(sheet, row.row, {
        title: row.letter(field),
        whatToDo: field === 'action' ? row.letter('whatToDo') : undefined,
        responsible: row.letter('controlResponsible') ?? row.letter('responsible'),
        status: row.letter('status'),
        startDate: row.letter('startDate'),
        endDate: row.letter('endDate'),
        checkpoints: row.letter('checkpoints'),
      }),
    };
    list.push(action);
    return action;
  }
}

function appendText(existing: string | undefined, text: string) {
  if (!existing) return text;
  return existing.includes(text) ? existing : `${existing}\n\n${text}`;
}

/** "1. Utveckla …" → number "1" and the title; "1.1 Utveckla …" → "1.1". */
function numbered(text: string): { number: string | null; title: string; rest: string } {
  const { title, rest } = titleAndRest(text);
  const match = /^(\d+(?:\.\d+)*)[.)]?\s+(.+)$/.exec(title);
  return match ? { number: match[1]!, title: match[2]!.trim(), rest } : { number: null, title, rest };
}

function activityReader(plan: ImportedPlan, sheet: string | null, issue: Issue): Reader {
  let current: { activity: ImportedActivity; description: Parts } | undefined;
  const entries: { activity: ImportedActivity; description: Parts }[] = [];
  const DESCRIPTION_FIELDS = ['riskDescription', 'controlDescription', 'whatToDo'] as const;

  return {
    section() {
      current = undefined;
    },
    row(row, warnOnce) {
      const numberCell = row.get('activityNumber').replace(/\.$/, '');
      const activityText = row.get('activity');
      let subText = row.get('subActivity');
      let subNumber: string | null = null;
      if (activityText !== '') {
        const parsed = numbered(activityText);
        const number = parsed.number ?? (numberCell !== '' ? numberCell : null);
        if (current && number !== null && number.startsWith(`${current.activity.number}.`)) {
          // A number that extends the activity's ("3.2" under "3") makes the row a sub-activity.
          if (foldWords(parsed.title) !== foldWords(current.activity.title)) {
            subText = subText !== '' ? subText : parsed.title;
            subNumber = number;
          }
        } else if (
          !current ||
          foldWords(parsed.title) !== foldWords(current.activity.title) ||
          (number !== null && number !== current.activity.number)
        ) {
          current = newActivity(row, parsed.title, number ?? String(entries.length + 1));
          if (parsed.rest !== '') {
            addPart(current.description, parsed.rest);
            current.description.mapped = true;
          }
        }
      }
      let sub: ImportedSubActivity | undefined;
      if (subText !== '') {
        if (!current) {
          plan.errors.push(
            issue(
              row.row,
              row.letter('subActivity') ?? row.letter('activity') ?? null,
              localize((m) => m.importTable.subActivityWithoutActivity),
            ),
          );
        } else
          sub = subActivityFor(
            current.activity,
            row,
            subText,
            subNumber ?? (numberCell.includes('.') ? numberCell : null),
          );
      }
      if (!current) {
        if (hasSchedule(row))
          plan.warnings.push(
            issue(
              row.row,
              null,
              localize((m) =>
                m.importTable.detailsWithoutItem(
                  SCHEDULE_FIELDS.filter((field) => row.get(field) !== '')
                    .map((field) => row.heading(field))
                    .join(', '),
                ),
              ),
            ),
          );
        return;
      }
      const { activity, description } = current;
      for (const field of DESCRIPTION_FIELDS) addPart(description, cellMarkdown(row.get(field)));
      const schedule = readSchedule({ ...row, has: (field) => field !== 'controlResponsible' && row.has(field) });
      if (sub) {
        if (schedule.status) sub.status ??= schedule.status;
        schedule.status = undefined;
      }
      mergeSchedule(activity, schedule);
      const performers = row.get('controlResponsible');
      if (performers !== '') activity.performers = appendText(activity.performers, performers);
      const follow = followUpOf(row, sheet, issue, warnOnce);
      if (follow.followUp) activity.followUps.push(follow.followUp);
      for (const text of [follow.followUpText, follow.comment])
        if (text) {
          addPart(description, text);
          description.mapped = true;
        }
    },
    finish() {
      for (const entry of entries) entry.activity.description = joinParts(entry.description);
      plan.activities.push(...entries.map((entry) => entry.activity));
    },
  };

  function newActivity(row: RowReader, title: string, number: string) {
    const activity: ImportedActivity = {
      number,
      title,
      performers: row.has('controlResponsible') ? '' : undefined,
      followUps: [],
      subActivities: [],
      origin: origin(sheet, row.row, {
        number: row.letter('activityNumber') ?? row.letter('activity'),
        title: row.letter('activity'),
        description: DESCRIPTION_FIELDS.map((field) => row.letter(field)).find((letter) => letter !== undefined),
        performers: row.letter('controlResponsible'),
        responsible: row.letter('responsible'),
        status: row.letter('status'),
        startDate: row.letter('startDate'),
        endDate: row.letter('endDate'),
        checkpoints: row.letter('checkpoints'),
      }),
    };
    const entry = { activity, description: { parts: [], mapped: DESCRIPTION_FIELDS.some((field) => row.has(field)) } };
    entries.push(entry);
    return entry;
  }

  function subActivityFor(activity: ImportedActivity, row: RowReader, text: string, numberCell: string | null) {
    const parsed = numbered(text);
    const last = activity.subActivities.at(-1);
    if (last && foldWords(last.title) === foldWords(parsed.title)) return last;
    const sub: ImportedSubActivity = {
      number: parsed.number ?? numberCell ?? `${activity.number}.${String(activity.subActivities.length + 1)}`,
      title: parsed.title,
      origin: origin(sheet, row.row, {
        number: row.letter('activityNumber') ?? row.letter('subActivity'),
        title: row.letter('subActivity') ?? row.letter('activity'),
        status: row.letter('status'),
      }),
    };
    activity.subActivities.push(sub);
    return sub;
  }
}

/** What a plan table writes in the control's column for a risk without one (as Uppsikt's plan-table report does). */
const NO_CONTROL_WORDS = new Set(
  [REPORT_LABELS.sv.noControl, REPORT_LABELS.en.noControl, 'Ingen kontroll', 'Inga kontrollmoment'].map(foldWords),
);

export function saysNoControl(text: string): boolean {
  return text !== '' && NO_CONTROL_WORDS.has(foldWords(text));
}
