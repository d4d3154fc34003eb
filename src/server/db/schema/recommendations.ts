import { date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { reviews } from './reviews.ts';
import { statuses } from './statuses.ts';
import { searchDocument } from './search-documents.ts';

/**
 * A recommendation (rekommendation) from a review or from the auditors (revisorerna), followed
 * until it is done: what is recommended, the nämnd's answer and when it was given, what has been
 * done, a date by which it should be done, and its status.
 */
export const recommendations = pgTable(
  'recommendations',
  {
    ...tenantKey(),
    reviewId: uuid().notNull(),
    /** The recommendation this one is a part of (a sub-recommendation, e.g. "2.1"). */
    parentId: uuid(),
    /** As numbered by the auditors, e.g. "2" or "2.1". */
    number: text(),
    /** Who recommends, e.g. "Revisorerna" or "PwC". */
    recommendedBy: text(),
    /** Markdown. */
    recommendation: text().notNull(),
    /** The nämnd's answer, Markdown. */
    answer: text(),
    answeredOn: date({ mode: 'string' }),
    /** What has been done, Markdown. */
    actionsTaken: text(),
    dueDate: date({ mode: 'string' }),
    statusId: uuid(),
    sortOrder: integer().notNull().default(0),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('recommendations_review_fk', t, t.reviewId, reviews),
    tenantReference('recommendations_status_fk', t, t.statusId, statuses),
    index('recommendations_review_idx').on(t.tenantId, t.reviewId),
    index('recommendations_search_idx').using(
      'gin',
      searchDocument(t.number, t.recommendation, t.answer, t.actionsTaken),
    ),
    tenantReference('recommendations_parent_fk', t, t.parentId, { tenantId: t.tenantId, id: t.id }),
    index('recommendations_parent_idx').on(t.tenantId, t.parentId),
  ],
);
