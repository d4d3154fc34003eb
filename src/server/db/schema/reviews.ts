import { pgTable, text, integer, uuid, date, primaryKey, index, foreignKey } from 'drizzle-orm/pg-core';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { plans } from './plans.ts';
import { risks } from './risks.ts';
import { statuses } from './statuses.ts';
import { searchDocument, diarienummerWords } from './search-documents.ts';

/**
 * A granskning: a deeper examination decided in the plan, with its case number, the
 * decision of the nämnd on its result (sammanträde, protokoll §), its findings, and the
 * improvement actions decided from it (actions point to their review).
 */
export const reviews = pgTable(
  'reviews',
  {
    ...tenantKey(),
    planId: uuid().notNull(),
    /** The risk the review examined, when it is one of the plan's risks. */
    riskId: uuid(),
    /** e.g. "GRF-2020-11639". */
    diarienummer: text(),
    title: text().notNull(),
    /** The earlier review this one follows up (uppföljande granskning). */
    followsUpReviewId: uuid(),
    /** The body that decided on the review's result. */
    decisionUnitId: uuid(),
    /** Date of the sammanträde where the result was decided. */
    meetingDate: date({ mode: 'string' }),
    /** e.g. "§95". */
    decisionParagraph: text(),
    /** Markdown. */
    findings: text(),
    statusId: uuid(),
    sortOrder: integer().notNull().default(0),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('reviews_plan_fk', t, t.planId, plans),
    foreignKey({
      name: 'reviews_risk_fk',
      columns: [t.tenantId, t.planId, t.riskId],
      foreignColumns: [risks.tenantId, risks.planId, risks.id],
    }),
    tenantReference('reviews_decision_unit_fk', t, t.decisionUnitId, orgUnits),
    tenantReference('reviews_status_fk', t, t.statusId, statuses),
    index('reviews_plan_idx').on(t.tenantId, t.planId),
    index('reviews_search_idx').using(
      'gin',
      searchDocument(t.title, t.diarienummer, diarienummerWords(t.diarienummer), t.findings),
    ),
    tenantReference('reviews_follows_up_fk', t, t.followsUpReviewId, { tenantId: t.tenantId, id: t.id }),
  ],
);
