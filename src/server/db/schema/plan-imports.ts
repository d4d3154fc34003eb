import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { PLAN_IMPORT_FORMATS, PLAN_IMPORT_STATES } from '../../../domain/plan-import.ts';
import { PLAN_KINDS } from '../../../domain/plan.ts';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { plans } from './plans.ts';
import { bytea, inList } from './sql-helpers.ts';
import { users } from './users.ts';

/**
 * An import of a plan or its follow-ups from a file (XLSX, CSV or DOCX): the file itself, where
 * it goes (an existing plan, or a unit and year for a new one), the column mapping, the preview
 * it gave and, once confirmed, what was written. Kept after it is done, so that the audit log can
 * name it and the person can come back to a running or finished import.
 */
export const planImports = pgTable(
  'plan_imports',
  {
    ...tenantKey(),
    unitId: uuid().notNull(),
    /** The plan the file updates; null until an import into a unit and year has created one. */
    planId: uuid(),
    /** The plan kind and first year, for an import that creates a plan. */
    planKind: text({ enum: PLAN_KINDS }),
    year: smallint(),
    fileName: text().notNull(),
    format: text({ enum: PLAN_IMPORT_FORMATS }).notNull(),
    byteSize: integer().notNull(),
    /** Hex SHA-256 of `content`. */
    sha256: text().notNull(),
    content: bytea().notNull(),
    state: text({ enum: PLAN_IMPORT_STATES }).notNull().default('reading'),
    /** The columns of a table and the field each holds (null: left out), as the person mapped them. */
    mapping: jsonb(),
    /** What the file would do, row by row, as last previewed. */
    preview: jsonb(),
    /** The preview's fingerprint: a confirmation must name it. */
    fingerprint: text(),
    /** What was written, once done. */
    result: jsonb(),
    /** Why reading or writing failed, localized. */
    error: jsonb(),
    createdById: uuid().notNull(),
    finishedAt: timestamp({ withTimezone: true }),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('plan_imports_unit_fk', t, t.unitId, orgUnits),
    tenantReference('plan_imports_plan_fk', t, t.planId, plans),
    tenantReference('plan_imports_created_by_fk', t, t.createdById, users),
    index('plan_imports_created_by_idx').on(t.tenantId, t.createdById, t.createdAt),
    check('plan_imports_format_check', inList(t.format, PLAN_IMPORT_FORMATS)),
    check('plan_imports_state_check', inList(t.state, PLAN_IMPORT_STATES)),
    check('plan_imports_plan_kind_check', inList(t.planKind, PLAN_KINDS)),
    check('plan_imports_target', sql`${t.planId} is not null or (${t.planKind} is not null and ${t.year} is not null)`),
  ],
);

/**
 * A column mapping a tenant saved to reuse for files of the same layout: by heading, the field
 * it holds (null: left out).
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    ...tenantKey(),
    name: text().notNull(),
    /** `{ "<folded heading>": "<field>" | null }`. */
    columns: jsonb().notNull(),
    createdById: uuid().notNull(),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('import_mappings_created_by_fk', t, t.createdById, users),
    uniqueIndex('import_mappings_name_key')
      .on(t.tenantId, sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
  ],
);
