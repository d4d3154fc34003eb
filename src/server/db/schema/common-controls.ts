import { pgTable, text, uuid, smallint, jsonb, primaryKey, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { ControlFrequency } from '../../../domain/control-frequency.ts';
import { REPORT_RECIPIENTS } from '../../../domain/risk-response.ts';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { vocabularyEntries } from './vocabulary-entries.ts';

/**
 * A kommungemensamt kontrollmoment: defined by the kommunstyrelse (or any unit) for a year and
 * pushed into the plans of the units below it (all, or the chosen ones in
 * common_control_targets). Each copy in a plan points back here (controls.commonControlId).
 */
export const commonControls = pgTable(
  'common_controls',
  {
    ...tenantKey(),
    originUnitId: uuid().notNull(),
    year: smallint().notNull(),
    /** The risk the control answers; becomes a risk of each plan it reaches. */
    riskTitle: text().notNull(),
    /** Markdown. */
    riskDescription: text(),
    processId: uuid(),
    categoryId: uuid(),
    title: text().notNull(),
    /** Markdown. */
    description: text(),
    methodId: uuid(),
    scope: text(),
    frequency: jsonb().$type<ControlFrequency>(),
    reportingTime: text(),
    reportsTo: text({ enum: REPORT_RECIPIENTS })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('common_controls_origin_unit_fk', t, t.originUnitId, orgUnits),
    tenantReference('common_controls_process_fk', t, t.processId, vocabularyEntries),
    tenantReference('common_controls_category_fk', t, t.categoryId, vocabularyEntries),
    tenantReference('common_controls_method_fk', t, t.methodId, vocabularyEntries),
    index('common_controls_origin_idx').on(t.tenantId, t.originUnitId, t.year),
    check(
      'common_controls_frequency_is_object',
      sql`${t.frequency} is null or jsonb_typeof(${t.frequency}) = 'object'`,
    ),
  ],
);

/** The units a common control was pushed to, when not every unit below the origin. */
export const commonControlTargets = pgTable(
  'common_control_targets',
  {
    ...tenantKey(),
    commonControlId: uuid().notNull(),
    unitId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('common_control_targets_control_fk', t, t.commonControlId, commonControls),
    tenantReference('common_control_targets_unit_fk', t, t.unitId, orgUnits),
    uniqueIndex('common_control_targets_key').on(t.tenantId, t.commonControlId, t.unitId),
  ],
);
