import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { bytea } from './sql-helpers.ts';
import { users } from './users.ts';

/**
 * A report as it was sent to the nämnd ("Skicka till nämnd"): the exact file, its SHA-256 and
 * who sent it when. Never changed and never deleted (a trigger refuses both), so the copy the
 * nämnd decided on can be downloaded byte-identical years later, whatever happened to the data.
 */
export const issuedReports = pgTable(
  'issued_reports',
  {
    ...tenantKey(),
    /** The report kind, e.g. "control-follow-up". */
    kind: text().notNull(),
    unitId: uuid().notNull(),
    /** "2020" or "2020-2021". */
    period: text().notNull(),
    format: text().notNull(),
    title: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    byteSize: integer().notNull(),
    /** Hex SHA-256 of `content`. */
    sha256: text().notNull(),
    content: bytea().notNull(),
    note: text(),
    issuedById: uuid().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('issued_reports_unit_fk', t, t.unitId, orgUnits),
    tenantReference('issued_reports_issued_by_fk', t, t.issuedById, users),
    index('issued_reports_unit_idx').on(t.tenantId, t.unitId, t.issuedAt),
  ],
);
