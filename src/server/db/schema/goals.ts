import { pgTable, text, uuid, smallint, integer, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { actions } from './actions.ts';
import { orgUnits } from './org-units.ts';
import { risks } from './risks.ts';

/** A goal of a unit's verksamhetsplan for a year: the goal, its indicator and the target value. */
export const goals = pgTable(
  'goals',
  {
    ...tenantKey(),
    unitId: uuid().notNull(),
    year: smallint().notNull(),
    title: text().notNull(),
    /** Markdown. */
    description: text(),
    indicator: text(),
    target: text(),
    sortOrder: integer().notNull().default(0),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('goals_unit_fk', t, t.unitId, orgUnits),
    index('goals_unit_year_idx').on(t.tenantId, t.unitId, t.year),
  ],
);

/** A risk threatens a goal. */
export const riskGoals = pgTable(
  'risk_goals',
  {
    ...tenantKey(),
    riskId: uuid().notNull(),
    goalId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('risk_goals_risk_fk', t, t.riskId, risks),
    tenantReference('risk_goals_goal_fk', t, t.goalId, goals),
    uniqueIndex('risk_goals_key').on(t.tenantId, t.riskId, t.goalId),
    index('risk_goals_goal_idx').on(t.tenantId, t.goalId),
  ],
);

/** An action serves a goal. */
export const actionGoals = pgTable(
  'action_goals',
  {
    ...tenantKey(),
    actionId: uuid().notNull(),
    goalId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('action_goals_action_fk', t, t.actionId, actions),
    tenantReference('action_goals_goal_fk', t, t.goalId, goals),
    uniqueIndex('action_goals_key').on(t.tenantId, t.actionId, t.goalId),
    index('action_goals_goal_idx').on(t.tenantId, t.goalId),
  ],
);
