import { z } from 'zod';
import { PLAN_KINDS } from '../plan.ts';
import {
  IMPORT_ENTITIES,
  IMPORT_OUTCOMES,
  PLAN_IMPORT_FORMATS,
  PLAN_IMPORT_STATES,
  PLAN_TABLE_FIELDS,
} from '../plan-import.ts';
import { id as uuid, year } from './common.ts';

/** A file to import into a plan, or into a unit and year (a new plan, or the unit's plan of that year). */
export const planImportCreate = z
  .strictObject({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .meta({ description: 'The file’s name, shown in the import’s history; what the file is, is told by its bytes.' }),
    content: z.base64().meta({
      description:
        'The file’s bytes, base64-encoded: XLSX (Uppsikt’s own workbook of a plan, or a plan table in any layout), ' +
        'CSV (semicolon, comma or tab; UTF-8 or Windows-1252) or DOCX.',
    }),
    planId: uuid.optional().meta({ description: 'The plan the file updates. Or give unitId and year.' }),
    unitId: uuid
      .optional()
      .meta({ description: 'The unit whose plan of `year` the file is (created if there is none).' }),
    year: year.optional(),
    kind: z
      .enum(PLAN_KINDS)
      .optional()
      .meta({ description: 'The plan kind for unitId and year; by default what the file holds decides.' }),
    mappingId: uuid
      .optional()
      .meta({ description: 'A saved column mapping to read a plan table with, instead of the recognised headings.' }),
  })
  .meta({ id: 'PlanImportCreate' });

export const planImportParams = z.object({
  importId: uuid.meta({ param: { name: 'importId', in: 'path' } }),
});

const mappedColumn = z.object({
  column: z.int().min(1).meta({ description: '1-based, as a spreadsheet counts.' }),
  letter: z.string().meta({ description: 'The column as a spreadsheet names it, e.g. "C".' }),
  heading: z.string(),
  field: z.enum(PLAN_TABLE_FIELDS).nullable().meta({ description: 'null: left out.' }),
  recognised: z
    .boolean()
    .meta({ description: 'Whether Uppsikt knew the heading (else the field is the person’s choice or none).' }),
});

/** How a plan table's columns are read. */
export const planImportMapping = z
  .object({
    sheet: z.string().nullable(),
    headerRows: z
      .array(z.int().min(1))
      .meta({ description: 'The rows that hold the headings (several when headings are stacked).' }),
    columns: z.array(mappedColumn),
  })
  .meta({ id: 'PlanImportMapping' });

export const planImportMappingUpdate = z
  .strictObject({
    columns: z
      .array(z.strictObject({ column: z.int().min(1), field: z.enum(PLAN_TABLE_FIELDS).nullable() }))
      .max(500)
      .meta({ description: 'The field of each column (null: leave it out); columns not named keep theirs.' }),
    saveAs: z.string().trim().min(1).max(100).optional().meta({
      description: 'Also save the mapping for the organisation under this name (replacing one of the same name).',
    }),
  })
  .meta({ id: 'PlanImportMappingUpdate' });

const issue = z
  .object({
    sheet: z.string().nullable(),
    row: z.int().nullable(),
    column: z.string().nullable().meta({ description: 'The column’s heading or letter; null for the whole row.' }),
    message: z.string(),
  })
  .meta({ id: 'PlanImportIssue' });

const counts = z.object({
  risks: z.int(),
  controls: z.int(),
  actions: z.int(),
  activities: z.int(),
  subActivities: z.int(),
  followUps: z.int(),
});

export const planImportRow = z
  .object({
    key: z.string(),
    entity: z.enum(IMPORT_ENTITIES),
    outcome: z.enum(IMPORT_OUTCOMES),
    title: z.string(),
    parent: z
      .string()
      .nullable()
      .meta({ description: 'What the row belongs to: a control’s risk, a follow-up’s item.' }),
    sheet: z.string().nullable(),
    row: z.int().nullable(),
    place: z.string().nullable().meta({ description: 'In a document: the heading the item stands under.' }),
    changes: z.array(
      z.object({
        field: z.string(),
        label: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
      }),
    ),
    errors: z.array(issue),
    warnings: z.array(issue),
  })
  .meta({ id: 'PlanImportRow' });

export const planImport = z
  .object({
    id: uuid,
    state: z.enum(PLAN_IMPORT_STATES),
    fileName: z.string(),
    format: z.enum(PLAN_IMPORT_FORMATS),
    byteSize: z.int(),
    unit: z.object({ id: uuid, name: z.string() }),
    plan: z
      .object({ id: uuid, title: z.string() })
      .nullable()
      .meta({ description: 'null: the import creates the plan.' }),
    kind: z.enum(PLAN_KINDS),
    year: z.int(),
    createdAt: z.string(),
    createdBy: z.object({ id: uuid, name: z.string() }),
    progress: z
      .object({ phase: z.enum(['reading', 'writing']), done: z.int(), total: z.int(), percent: z.int() })
      .nullable()
      .meta({ description: 'While reading or writing: rows done of all.' }),
    mapping: planImportMapping.nullable().meta({ description: 'For a plan table: how its columns are read.' }),
    summary: z
      .object({
        create: z.int(),
        change: z.int(),
        unchanged: z.int(),
        archive: z.int(),
        conflict: z.int(),
        error: z.int(),
        people: z
          .int()
          .meta({ description: 'People the file names whom Uppsikt does not know: created as new persons.' }),
      })
      .nullable(),
    newPeople: z.array(z.string()).meta({ description: 'The names of the people who would be created.' }),
    errors: z.array(issue).meta({ description: 'Problems with the file as a whole.' }),
    warnings: z.array(issue),
    fingerprint: z.string().nullable().meta({ description: 'Send it with the confirmation.' }),
    result: z.object({ planId: uuid, created: counts, changed: counts, archived: counts, people: z.int() }).nullable(),
    problem: z.string().nullable().meta({ description: 'Why reading or writing failed, and what to do.' }),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'PlanImport' });

export const planImportList = z
  .object({ imports: z.array(planImport.omit({ mapping: true })) })
  .meta({ id: 'PlanImportList' });

export const planImportRowsQuery = z.object({
  outcome: z
    .string()
    .regex(/^[a-z]+(,[a-z]+)*$/)
    .optional()
    .meta({ description: 'Only rows of these outcomes, comma-separated: e.g. error,conflict.' }),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const planImportRows = z.object({ total: z.int(), rows: z.array(planImportRow) }).meta({ id: 'PlanImportRows' });

export const planImportConfirm = z
  .strictObject({
    fingerprint: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: 'The preview’s fingerprint: refused (409) if the outcome changed.' }),
    validRowsOnly: z.boolean().default(false).meta({
      description:
        'Write the rows without errors and leave the others out; without it, an error refuses the whole import.',
    }),
  })
  .meta({ id: 'PlanImportConfirm' });

export const importMappingSchema = z
  .object({
    id: uuid,
    name: z.string(),
    columns: z.record(z.string(), z.enum(PLAN_TABLE_FIELDS).nullable()),
    createdAt: z.string(),
  })
  .meta({ id: 'ImportMapping' });

export const importMappingList = z.object({ mappings: z.array(importMappingSchema) }).meta({ id: 'ImportMappingList' });

export const importMappingParams = z.object({
  mappingId: uuid.meta({ param: { name: 'mappingId', in: 'path' } }),
});
