import { pgTable, text, uuid, smallint, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { editable, tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';

/**
 * A text the tenant edits for a report: the introduction of an improvement-actions report,
 * the guidance of a control follow-up ("Dokumentation av den interna kontrollen …"). Scoped
 * to the whole tenant, or to one unit and optionally one year; the narrowest one applies.
 */
export const reportTexts = pgTable(
  'report_texts',
  {
    ...tenantKey(),
    /** The report kind, e.g. "improvement-actions". */
    reportKind: text().notNull(),
    /** The section of the report, e.g. "introduction". */
    section: text().notNull(),
    unitId: uuid(),
    year: smallint(),
    /** Markdown. */
    body: text().notNull(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('report_texts_unit_fk', t, t.unitId, orgUnits),
    uniqueIndex('report_texts_scope_key').on(
      t.tenantId,
      t.reportKind,
      t.section,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.year}, 0)`,
    ),
  ],
);
