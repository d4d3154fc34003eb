import { pgTable, text, integer, primaryKey, index, uuid, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ORG_UNIT_KINDS } from '../../../domain/org-unit.ts';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { inList } from './sql-helpers.ts';

/**
 * The organisation as a tree: kommun → nämnd/styrelse, bolag, kommunalförbund → förvaltning
 * → avdelning → enhet. Plans, risks and roles hang on units. Units are archived, not deleted.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    ...tenantKey(),
    parentId: uuid(),
    kind: text({ enum: ORG_UNIT_KINDS }).notNull(),
    name: text().notNull(),
    /** Abbreviation municipalities use, e.g. "GRF" or "BOU". */
    shortName: text(),
    sortOrder: integer().notNull().default(0),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('org_units_parent_fk', t, t.parentId, { tenantId: t.tenantId, id: t.id }),
    index('org_units_parent_idx').on(t.tenantId, t.parentId),
    check('org_units_kind_check', inList(t.kind, ORG_UNIT_KINDS)),
    check('org_units_not_own_parent', sql`${t.parentId} is distinct from ${t.id}`),
  ],
);
