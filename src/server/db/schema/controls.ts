import { pgTable, text, uuid, jsonb, primaryKey, index, foreignKey, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { ControlFrequency } from '../../../domain/control-frequency.ts';
import { REPORT_RECIPIENTS } from '../../../domain/risk-response.ts';
import { archivable, editable, scheduled, tenantKey, tenantReference } from './columns.ts';
import { datesInOrder } from './sql-helpers.ts';
import { plans } from './plans.ts';
import { risks } from './risks.ts';
import { statuses } from './statuses.ts';
import { vocabularyEntries } from './vocabulary-entries.ts';
import { unitFunctions } from './unit-functions.ts';
import { commonControls } from './common-controls.ts';
import { searchDocument } from './search-documents.ts';

/**
 * A kontroll (kontrollmoment): how a risk is checked, how often, by whom, from when to when,
 * with its checkpoints (checkpoints), responsible persons (assignments) and results (follow-ups).
 */
export const controls = pgTable(
  'controls',
  {
    ...tenantKey(),
    planId: uuid().notNull(),
    riskId: uuid().notNull(),
    title: text().notNull(),
    /** Markdown. */
    description: text(),
    /** How the check is made (vocabulary entry of kind control_method: stickprov, avstämning …). */
    methodId: uuid(),
    /** Omfattning and urval: what is checked and how much, Markdown. */
    scope: text(),
    /** How often; generates the control's checkpoints. */
    frequency: jsonb().$type<ControlFrequency>(),
    /** When the result is reported (tidpunkt), as written (e.g. "Vid delårsbokslut"). */
    reportingTime: text(),
    /** To whom the result is reported. */
    reportsTo: text({ enum: REPORT_RECIPIENTS })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Kontrollansvarig as a function of a unit, resolved to whoever holds it on the day. */
    responsibleFunctionId: uuid(),
    /** The kommungemensamt kontrollmoment this control is the plan's copy of. */
    commonControlId: uuid(),
    ...scheduled(),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('controls_plan_fk', t, t.planId, plans),
    foreignKey({
      name: 'controls_risk_fk',
      columns: [t.tenantId, t.planId, t.riskId],
      foreignColumns: [risks.tenantId, risks.planId, risks.id],
    }),
    tenantReference('controls_status_fk', t, t.statusId, statuses),
    tenantReference('controls_method_fk', t, t.methodId, vocabularyEntries),
    tenantReference('controls_responsible_function_fk', t, t.responsibleFunctionId, unitFunctions),
    tenantReference('controls_common_control_fk', t, t.commonControlId, commonControls),
    index('controls_common_control_idx').on(t.tenantId, t.commonControlId),
    check('controls_frequency_is_object', sql`${t.frequency} is null or jsonb_typeof(${t.frequency}) = 'object'`),
    index('controls_risk_idx').on(t.tenantId, t.riskId),
    index('controls_plan_idx').on(t.tenantId, t.planId),
    index('controls_search_idx').using('gin', searchDocument(t.title, t.description)),
    check('controls_dates_in_order', datesInOrder(t.startDate, t.endDate)),
  ],
);
