import { pgTable, text, uuid, date, boolean, primaryKey, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenantKey, tenantReference } from './columns.ts';
import { actions } from './actions.ts';
import { activities } from './activities.ts';
import { controls } from './controls.ts';
import { exactlyOne } from './sql-helpers.ts';

/** An avstämningsdatum: a date between start and end when a control, action or activity is checked. */
export const checkpoints = pgTable(
  'checkpoints',
  {
    ...tenantKey(),
    controlId: uuid(),
    actionId: uuid(),
    activityId: uuid(),
    date: date({ mode: 'string' }).notNull(),
    note: text(),
    /** Made from the control's frequency, and replaced when the frequency or dates change. */
    generated: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('checkpoints_control_fk', t, t.controlId, controls),
    tenantReference('checkpoints_action_fk', t, t.actionId, actions),
    tenantReference('checkpoints_activity_fk', t, t.activityId, activities),
    check('checkpoints_one_item', exactlyOne(t.controlId, t.actionId, t.activityId)),
    uniqueIndex('checkpoints_item_date_key').on(
      t.tenantId,
      sql`coalesce(${t.controlId}, ${t.actionId}, ${t.activityId})`,
      t.date,
    ),
  ],
);
