import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editable, tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { bytea } from './sql-helpers.ts';

/**
 * The tenant's own look of its reports: letterhead, logo, cover page, tjänsteskrivelse, footer,
 * and per report kind the order of the sections, which are printed and their standard texts.
 * One for the whole tenant (unit null) and optionally one per unit, which replaces the tenant's.
 */
export const reportTemplates = pgTable(
  'report_templates',
  {
    ...tenantKey(),
    unitId: uuid(),
    /** The template's settings (see ReportTemplateSettings in the domain), without the logo. */
    settings: jsonb().notNull(),
    /** The logo: PNG or JPEG, checked by its content. */
    logo: bytea(),
    /** "image/png" or "image/jpeg". */
    logoType: text(),
    logoWidth: integer(),
    logoHeight: integer(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('report_templates_unit_fk', t, t.unitId, orgUnits),
    uniqueIndex('report_templates_scope_key').on(
      t.tenantId,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);
