import { pgTable, text, integer, smallint, boolean, primaryKey, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { VOCABULARY_KINDS } from '../../../domain/vocabulary.ts';
import { archivable, editable, tenantKey } from './columns.ts';
import { inList } from './sql-helpers.ts';

/**
 * An entry of one of the tenant's vocabularies (a process, a risk category, a control method, a
 * deviation severity). Versioned by year: an entry is offered to plans of the years from
 * `validFromYear` to `validToYear` (open when null). Archived, never deleted, so old plans keep
 * showing it.
 */
export const vocabularyEntries = pgTable(
  'vocabulary_entries',
  {
    ...tenantKey(),
    kind: text({ enum: VOCABULARY_KINDS }).notNull(),
    key: text().notNull(),
    labelSv: text().notNull(),
    labelEn: text().notNull(),
    description: text(),
    /** Deviation severities: reported to the nämnd at once. */
    reportImmediately: boolean().notNull().default(false),
    sortOrder: integer().notNull().default(0),
    validFromYear: smallint(),
    validToYear: smallint(),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('vocabulary_entries_key_key').on(t.tenantId, t.kind, t.key),
    check('vocabulary_entries_kind_check', inList(t.kind, VOCABULARY_KINDS)),
    check(
      'vocabulary_entries_years_in_order',
      sql`${t.validToYear} is null or ${t.validFromYear} is null or ${t.validToYear} >= ${t.validFromYear}`,
    ),
  ],
);
