import { pgTable, text, uuid, primaryKey, index, foreignKey, check } from 'drizzle-orm/pg-core';
import { archivable, editable, scheduled, tenantKey, tenantReference } from './columns.ts';
import { datesInOrder } from './sql-helpers.ts';
import { plans } from './plans.ts';
import { risks } from './risks.ts';
import { statuses } from './statuses.ts';

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
    /** How the check is made (stickprov, genomgång …), Markdown. */
    method: text(),
    /** e.g. "Varje månad", "En gång per termin". */
    frequency: text(),
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
    index('controls_risk_idx').on(t.tenantId, t.riskId),
    index('controls_plan_idx').on(t.tenantId, t.planId),
    check('controls_dates_in_order', datesInOrder(t.startDate, t.endDate)),
  ],
);
