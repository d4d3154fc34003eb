import { pgTable, text, uuid, date, timestamp, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { DEVIATION_STATES } from '../../../domain/deviation.ts';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { actions } from './actions.ts';
import { controls } from './controls.ts';
import { followUps } from './follow-ups.ts';
import { users } from './users.ts';
import { controlResults } from './control-results.ts';
import { vocabularyEntries } from './vocabulary-entries.ts';
import { inList } from './sql-helpers.ts';
import { searchDocument } from './search-documents.ts';

/**
 * An avvikelse found by a control: what, when, by whom, how serious, whom it was reported to
 * and when, and the action that answers it. That a control found no deviations is recorded as
 * its result for the period (control_results), or in the plan's deviation note.
 */
export const deviations = pgTable(
  'deviations',
  {
    ...tenantKey(),
    controlId: uuid().notNull(),
    /** The follow-up in which the deviation was reported. */
    followUpId: uuid(),
    title: text().notNull(),
    /** Markdown. */
    description: text(),
    foundOn: date({ mode: 'string' }).notNull(),
    foundById: uuid(),
    /** How serious (vocabulary entry of kind deviation_severity). */
    severityId: uuid().notNull(),
    /** The control result ("genomförd med avvikelse") that found it. */
    resultId: uuid(),
    /** The manager it was reported to, when a person of the tenant. */
    reportedToId: uuid(),
    /** Whom else it was reported to, as written (e.g. "Nämnden"). */
    reportedToText: text(),
    reportedOn: date({ mode: 'string' }),
    /** The action that answers the deviation. */
    actionId: uuid(),
    state: text({ enum: DEVIATION_STATES }).notNull().default('open'),
    closedAt: timestamp({ withTimezone: true }),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('deviations_control_fk', t, t.controlId, controls),
    tenantReference('deviations_follow_up_fk', t, t.followUpId, followUps),
    tenantReference('deviations_found_by_fk', t, t.foundById, users),
    tenantReference('deviations_reported_to_fk', t, t.reportedToId, users),
    tenantReference('deviations_action_fk', t, t.actionId, actions),
    index('deviations_control_idx').on(t.tenantId, t.controlId),
    index('deviations_search_idx').using('gin', searchDocument(t.title, t.description)),
    tenantReference('deviations_severity_fk', t, t.severityId, vocabularyEntries),
    tenantReference('deviations_result_fk', t, t.resultId, controlResults),
    check('deviations_state_check', inList(t.state, DEVIATION_STATES)),
  ],
);
