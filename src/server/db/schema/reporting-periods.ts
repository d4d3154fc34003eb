import { pgTable, text, smallint, date, primaryKey, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { REPORTING_PERIOD_KINDS } from '../../../domain/reporting-period.ts';
import { editable, tenantKey } from './columns.ts';
import { inList } from './sql-helpers.ts';

/**
 * A period the tenant follows up in ("Kvartal 3 2020", delår, helår). Its printed name is
 * derived from kind, number and year, unless it has a name: a custom period always does, and a
 * standard one may, so that a year can have several of one kind ("Delår 1", "Delår 2").
 * Unique per tenant, kind, year, number and name.
 */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    ...tenantKey(),
    kind: text({ enum: REPORTING_PERIOD_KINDS }).notNull(),
    year: smallint().notNull(),
    /** 1–4 for quarters, 1–3 for tertials, 1… for forecasts; null otherwise. */
    number: smallint(),
    /** Required for custom periods; optional for the others, to tell several of one kind and year apart. */
    name: text(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('reporting_periods_key').on(
      t.tenantId,
      t.kind,
      t.year,
      sql`coalesce(${t.number}, 0)`,
      sql`coalesce(${t.name}, '')`,
    ),
    check('reporting_periods_kind_check', inList(t.kind, REPORTING_PERIOD_KINDS)),
    check('reporting_periods_dates_in_order', sql`${t.endDate} >= ${t.startDate}`),
    check('reporting_periods_custom_named', sql`${t.kind} <> 'custom' or ${t.name} is not null`),
  ],
);
