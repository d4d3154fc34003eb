import { pgTable, text, uuid, date, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { plans } from './plans.ts';
import { reportingPeriods } from './reporting-periods.ts';
import { users } from './users.ts';
import { inList } from './sql-helpers.ts';

/**
 * What a plan note is about: the period's deviations ("Kommentar avvikelse"), or a general
 * remark on the plan's follow-up.
 */
export const PLAN_NOTE_TOPICS = ['deviations', 'general'] as const;

/** A comment on a whole plan, optionally for one reporting period. */
export const planNotes = pgTable(
  'plan_notes',
  {
    ...tenantKey(),
    planId: uuid().notNull(),
    periodId: uuid(),
    topic: text({ enum: PLAN_NOTE_TOPICS }).notNull(),
    /** Markdown. */
    body: text().notNull(),
    authorId: uuid(),
    writtenOn: date({ mode: 'string' }),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('plan_notes_plan_fk', t, t.planId, plans),
    tenantReference('plan_notes_period_fk', t, t.periodId, reportingPeriods),
    tenantReference('plan_notes_author_fk', t, t.authorId, users),
    index('plan_notes_plan_idx').on(t.tenantId, t.planId),
    check('plan_notes_topic_check', inList(t.topic, PLAN_NOTE_TOPICS)),
  ],
);
