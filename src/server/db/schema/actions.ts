import { pgTable, text, uuid, primaryKey, index, foreignKey, check } from 'drizzle-orm/pg-core';
import { archivable, editable, scheduled, tenantKey, tenantReference } from './columns.ts';
import { datesInOrder } from './sql-helpers.ts';
import { orgUnits } from './org-units.ts';
import { plans } from './plans.ts';
import { reviews } from './reviews.ts';
import { risks } from './risks.ts';
import { statuses } from './statuses.ts';
import { searchDocument } from './search-documents.ts';

/**
 * An åtgärd (förbättringsåtgärd): what is done to reduce a risk or to fix a finding of a review
 * or a deviation. "Vad ska göras" is the plan; "genomförda åtgärder" is what was done.
 * Responsible is a unit, or persons (assignments), or both.
 */
export const actions = pgTable(
  'actions',
  {
    ...tenantKey(),
    planId: uuid().notNull(),
    riskId: uuid(),
    /** The review (granskning) the action was decided from. */
    reviewId: uuid(),
    title: text().notNull(),
    /** "Vad ska göras", Markdown. */
    whatToDo: text(),
    /** "Genomförda åtgärder", Markdown. */
    measuresTaken: text(),
    responsibleUnitId: uuid(),
    /** The unfinished action of the previous year's plan this one was carried over from (förs över). */
    carriedFromId: uuid(),
    ...scheduled(),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('actions_plan_fk', t, t.planId, plans),
    foreignKey({
      name: 'actions_risk_fk',
      columns: [t.tenantId, t.planId, t.riskId],
      foreignColumns: [risks.tenantId, risks.planId, risks.id],
    }),
    tenantReference('actions_review_fk', t, t.reviewId, reviews),
    tenantReference('actions_responsible_unit_fk', t, t.responsibleUnitId, orgUnits),
    tenantReference('actions_status_fk', t, t.statusId, statuses),
    index('actions_risk_idx').on(t.tenantId, t.riskId),
    foreignKey({
      name: 'actions_carried_from_fk',
      columns: [t.tenantId, t.carriedFromId],
      foreignColumns: [t.tenantId, t.id],
    }),
    index('actions_carried_from_idx').on(t.tenantId, t.carriedFromId),
    index('actions_plan_idx').on(t.tenantId, t.planId),
    index('actions_search_idx').using('gin', searchDocument(t.title, t.whatToDo, t.measuresTaken)),
    check('actions_dates_in_order', datesInOrder(t.startDate, t.endDate)),
  ],
);
