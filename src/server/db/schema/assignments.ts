import { pgTable, text, integer, uuid, primaryKey, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenantKey, tenantReference } from './columns.ts';
import { actions } from './actions.ts';
import { activities } from './activities.ts';
import { controls } from './controls.ts';
import { users } from './users.ts';
import { exactlyOne, inList } from './sql-helpers.ts';

/** Ansvarig (responsible) or rapporteringsansvarig (reporting-responsible). */
export const ASSIGNMENT_ROLES = ['responsible', 'reporting'] as const;

/** A person responsible for one control, action or activity, in the order the plan names them. */
export const assignments = pgTable(
  'assignments',
  {
    ...tenantKey(),
    controlId: uuid(),
    actionId: uuid(),
    activityId: uuid(),
    userId: uuid().notNull(),
    role: text({ enum: ASSIGNMENT_ROLES }).notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('assignments_control_fk', t, t.controlId, controls),
    tenantReference('assignments_action_fk', t, t.actionId, actions),
    tenantReference('assignments_activity_fk', t, t.activityId, activities),
    tenantReference('assignments_user_fk', t, t.userId, users),
    check('assignments_one_item', exactlyOne(t.controlId, t.actionId, t.activityId)),
    check('assignments_role_check', inList(t.role, ASSIGNMENT_ROLES)),
    uniqueIndex('assignments_unique_key').on(
      t.tenantId,
      sql`coalesce(${t.controlId}, ${t.actionId}, ${t.activityId})`,
      t.userId,
      t.role,
    ),
    index('assignments_user_idx').on(t.tenantId, t.userId),
  ],
);
