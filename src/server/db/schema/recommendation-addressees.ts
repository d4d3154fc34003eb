import { pgTable, text, uuid, date, integer, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { editable, tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { recommendations } from './recommendations.ts';
import { statuses } from './statuses.ts';

/**
 * A nämnd a recommendation is addressed to, with its own answer, actions taken and status
 * (a review that spans several nämnder addresses each of them).
 */
export const recommendationAddressees = pgTable(
  'recommendation_addressees',
  {
    ...tenantKey(),
    recommendationId: uuid().notNull(),
    unitId: uuid().notNull(),
    /** Markdown. */
    answer: text(),
    answeredOn: date({ mode: 'string' }),
    /** Markdown. */
    actionsTaken: text(),
    dueDate: date({ mode: 'string' }),
    statusId: uuid(),
    sortOrder: integer().notNull().default(0),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('recommendation_addressees_recommendation_fk', t, t.recommendationId, recommendations),
    tenantReference('recommendation_addressees_unit_fk', t, t.unitId, orgUnits),
    tenantReference('recommendation_addressees_status_fk', t, t.statusId, statuses),
    uniqueIndex('recommendation_addressees_key').on(t.tenantId, t.recommendationId, t.unitId),
    index('recommendation_addressees_unit_idx').on(t.tenantId, t.unitId),
  ],
);
