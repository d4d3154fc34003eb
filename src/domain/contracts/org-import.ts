import { z } from 'zod';

/** What an organisation import brings in: the unit tree, or the people with their roles. */
export const ORG_IMPORT_KINDS = ['units', 'people'] as const;
export type OrgImportKind = (typeof ORG_IMPORT_KINDS)[number];

/** The fields a column of an organisation import can hold. */
export const ORG_IMPORT_FIELDS = ['name', 'kind', 'parent', 'code', 'email', 'title', 'unit', 'role'] as const;
export type OrgImportField = (typeof ORG_IMPORT_FIELDS)[number];

/** The largest file an import takes (before base64), in bytes. */
export const ORG_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const orgImportKindParams = z.object({
  kind: z.enum(ORG_IMPORT_KINDS).meta({ param: { name: 'kind', in: 'path' } }),
});

/** An uploaded CSV or XLSX file, as the browser read it. */
export const orgImportFile = z
  .strictObject({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .meta({ description: 'The file’s name; its ending (.csv, .xlsx, .txt) tells how it is read.' }),
    content: z
      .base64()
      .max(Math.ceil(ORG_IMPORT_MAX_BYTES / 3) * 4)
      .meta({ description: 'The file’s bytes, base64-encoded. CSV in UTF-8 (with or without BOM) or Windows-1252.' }),
  })
  .meta({ id: 'OrgImportFile' });

export const orgImportConfirm = orgImportFile
  .extend({
    fingerprint: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: 'The preview’s fingerprint: the import is refused (409) if the outcome would differ.' }),
  })
  .meta({ id: 'OrgImportConfirm' });

const change = z.object({
  field: z.enum(ORG_IMPORT_FIELDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

const rowError = z.object({
  field: z.enum(ORG_IMPORT_FIELDS).nullable().meta({ description: 'The column the error is in; null for the row.' }),
  message: z.string(),
});

/** One row of the file and what the import does with it. */
export const orgImportRow = z
  .object({
    row: z.int().min(1).meta({ description: 'The row’s number in the file or sheet, as a spreadsheet shows it.' }),
    outcome: z.enum(['create', 'change', 'unchanged', 'error']),
    label: z.string().meta({ description: 'The unit’s or person’s name as the row gives it.' }),
    changes: z.array(change).meta({
      description:
        'What changes: for a unit name (renamed), parent (moved), kind and code; for a person name, title ' +
        'and role (a new role on a unit, shown as "role – unit").',
    }),
    errors: z.array(rowError),
  })
  .meta({ id: 'OrgImportRow' });

export const orgImportPreview = z
  .object({
    kind: z.enum(ORG_IMPORT_KINDS),
    fileName: z.string(),
    sheet: z.string().nullable().meta({ description: 'The worksheet read, for an XLSX file.' }),
    headerRow: z.int().min(1).meta({ description: 'The row that holds the headings.' }),
    columns: z.array(
      z.object({
        column: z.int().min(1),
        heading: z.string(),
        field: z.enum(ORG_IMPORT_FIELDS).nullable().meta({ description: 'null: a column the import leaves out.' }),
      }),
    ),
    rows: z.array(orgImportRow),
    summary: z.object({
      create: z.int(),
      change: z.int(),
      unchanged: z.int(),
      error: z.int(),
    }),
    fingerprint: z.string().meta({ description: 'Send it with the confirmation.' }),
  })
  .meta({ id: 'OrgImportPreview' });

export const orgImportResult = z
  .object({
    kind: z.enum(ORG_IMPORT_KINDS),
    summary: orgImportPreview.shape.summary,
  })
  .meta({ id: 'OrgImportResult' });
