import { pgTable, text, uuid, date, primaryKey, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { CONTROL_OUTCOMES } from '../../../domain/control-result.ts';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { controls } from './controls.ts';
import { reportingPeriods } from './reporting-periods.ts';
import { users } from './users.ts';
import { inList } from './sql-helpers.ts';

/**
 * The execution of a control in one reporting period and its result, apart from the control's
 * status. One current result per control and period; a result "med avvikelse" has deviations.
 */
export const controlResults = pgTable(
  'control_results',
  {
    ...tenantKey(),
    controlId: uuid().notNull(),
    periodId: uuid().notNull(),
    outcome: text({ enum: CONTROL_OUTCOMES }).notNull(),
    performedOn: date({ mode: 'string' }),
    /** Why it was not carried out; required for "ej genomförd". */
    reason: text(),
    /** Markdown. */
    comment: text(),
    recordedById: uuid(),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('control_results_control_fk', t, t.controlId, controls),
    tenantReference('control_results_period_fk', t, t.periodId, reportingPeriods),
    tenantReference('control_results_recorded_by_fk', t, t.recordedById, users),
    uniqueIndex('control_results_current_key')
      .on(t.tenantId, t.controlId, t.periodId)
      .where(sql`${t.archivedAt} is null`),
    index('control_results_period_idx').on(t.tenantId, t.periodId),
    check('control_results_outcome_check', inList(t.outcome, CONTROL_OUTCOMES)),
    check('control_results_reason_when_not_performed', sql`${t.outcome} <> 'not_performed' or ${t.reason} is not null`),
  ],
);
