import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, date, timestamp, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { FOLLOW_UP_REVIEW_STATES } from '../../../domain/control-result.ts';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { actions } from './actions.ts';
import { activities } from './activities.ts';
import { controls } from './controls.ts';
import { reportingPeriods } from './reporting-periods.ts';
import { statuses } from './statuses.ts';
import { users } from './users.ts';
import { exactlyOne, inList } from './sql-helpers.ts';

/**
 * An uppföljning: a dated entry on one control, action or activity for a reporting period,
 * with its text, its author and the item's status at that time. An activity's follow-up can
 * carry an analysis ("Analys") beside the text ("Uppföljning & utvärdering").
 */
export const followUps = pgTable(
  'follow_ups',
  {
    ...tenantKey(),
    controlId: uuid(),
    actionId: uuid(),
    activityId: uuid(),
    periodId: uuid().notNull(),
    /** The day it was written; imported reports do not always say. */
    reportedOn: date({ mode: 'string' }),
    /** Markdown. */
    body: text().notNull(),
    /** Markdown. */
    analysis: text(),
    authorId: uuid(),
    /** The item's status when this was written. */
    statusId: uuid(),
    /** Utkast, inskickad, återsänd or godkänd (by the unit's chef). */
    reviewState: text({ enum: FOLLOW_UP_REVIEW_STATES }).notNull().default('submitted'),
    /** Why it was sent back, or a word with the approval. */
    reviewComment: text(),
    reviewedById: uuid(),
    reviewedAt: timestamp({ withTimezone: true }),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('follow_ups_control_fk', t, t.controlId, controls),
    tenantReference('follow_ups_action_fk', t, t.actionId, actions),
    tenantReference('follow_ups_activity_fk', t, t.activityId, activities),
    tenantReference('follow_ups_period_fk', t, t.periodId, reportingPeriods),
    tenantReference('follow_ups_author_fk', t, t.authorId, users),
    tenantReference('follow_ups_status_fk', t, t.statusId, statuses),
    tenantReference('follow_ups_reviewed_by_fk', t, t.reviewedById, users),
    check('follow_ups_review_state_check', inList(t.reviewState, FOLLOW_UP_REVIEW_STATES)),
    check('follow_ups_one_item', exactlyOne(t.controlId, t.actionId, t.activityId)),
    index('follow_ups_control_idx').on(t.tenantId, t.controlId),
    index('follow_ups_action_idx').on(t.tenantId, t.actionId),
    index('follow_ups_activity_idx').on(t.tenantId, t.activityId),
    // The item a follow-up belongs to, whichever kind it is: the plan's reads find the follow-ups
    // of all its controls, actions and activities through one index (as assignments and checkpoints do).
    index('follow_ups_item_idx').on(t.tenantId, sql`coalesce(${t.controlId}, ${t.actionId}, ${t.activityId})`),
  ],
);
