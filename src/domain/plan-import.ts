/**
 * Importing a plan and its follow-ups from the files municipalities already have: a workbook
 * exported from Uppsikt and edited, a plan table in the municipality's own layout (XLSX or CSV),
 * or a Word document (Uppsikt's own reports, or documents shaped like them).
 */

/** What the file is, told by its bytes. */
export const PLAN_IMPORT_FORMATS = ['xlsx', 'csv', 'docx'] as const;
export type PlanImportFormat = (typeof PLAN_IMPORT_FORMATS)[number];

/**
 * An import's life: the file is read and previewed (`reading`); a table whose columns are not
 * all known waits for the person to map them (`mapping`); the preview is shown (`ready`); once
 * confirmed it is written in one transaction (`writing`) and is `done`, or it `failed` (the
 * file could not be read, or writing was refused), or the person `cancelled` it.
 */
export const PLAN_IMPORT_STATES = ['reading', 'mapping', 'ready', 'writing', 'done', 'failed', 'cancelled'] as const;
export type PlanImportState = (typeof PLAN_IMPORT_STATES)[number];

/** The largest file an import takes by default, in bytes (configurable: UPPSIKT_IMPORT_MAX_MB). */
export const PLAN_IMPORT_DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** The kinds of rows a preview shows. */
export const IMPORT_ENTITIES = ['risk', 'control', 'action', 'activity', 'subActivity', 'followUp', 'person'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/**
 * What a row of the file does: a new item, a changed one (field by field), one that is the same,
 * one archived because the complete export no longer has it, one changed in Uppsikt since the
 * export (a conflict: left as it is), or one with an error (left out unless fixed).
 */
export const IMPORT_OUTCOMES = ['create', 'change', 'unchanged', 'archive', 'conflict', 'error'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/**
 * The fields a column of a plan table can hold: a plan as municipalities write it, one row per
 * risk or per kontrollmoment (or per activity). The mapping step offers these for every column.
 */
export const PLAN_TABLE_FIELDS = [
  'process',
  'area',
  'risk',
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
  'controlResponsible',
  'responsible',
  'reportsTo',
  'action',
  'whatToDo',
  'activityNumber',
  'activity',
  'subActivity',
  'status',
  'startDate',
  'endDate',
  'checkpoints',
  'period',
  'followUp',
  'comment',
] as const;
export type PlanTableField = (typeof PLAN_TABLE_FIELDS)[number];
