import {
  pgTable,
  text,
  smallint,
  integer,
  uuid,
  date,
  primaryKey,
  index,
  unique,
  check,
  foreignKey,
} from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { plans } from './plans.ts';
import { users } from './users.ts';
import { vocabularyEntries } from './vocabulary-entries.ts';
import { commonControls } from './common-controls.ts';
import { inList } from './sql-helpers.ts';
import { RISK_RESPONSES } from '../../../domain/risk-response.ts';
import { searchDocument } from './search-documents.ts';

/**
 * A risk of an internkontrollplan: what can go wrong (cause → consequence) and how likely and
 * how serious it is. riskvärde = sannolikhet × konsekvens is derived by the database.
 */
export const risks = pgTable(
  'risks',
  {
    ...tenantKey(),
    planId: uuid().notNull(),
    title: text().notNull(),
    /** Markdown: cause → consequence. */
    description: text(),
    /** The process or kontrollområde (vocabulary entry of kind process). */
    processId: uuid(),
    /** The risk category (vocabulary entry of kind risk_category). */
    categoryId: uuid(),
    /** Orsak, Markdown. */
    cause: text(),
    /** Konsekvens in words (what happens if the risk occurs), Markdown. */
    effect: text(),
    /** Riskägare. */
    ownerId: uuid(),
    /** The response decided: accept, treat, control or review. */
    response: text({ enum: RISK_RESPONSES }),
    /** Why that response, Markdown. */
    responseMotivation: text(),
    /** Laws, regulations or steering documents the risk concerns, as written. */
    legalReferences: text(),
    /** The kommungemensamt kontrollmoment that brought this risk into the plan. */
    commonControlId: uuid(),
    /** sannolikhet, 1 … the matrix size; null until assessed. */
    likelihood: smallint(),
    /** konsekvens, 1 … the matrix size; null until assessed. */
    consequence: smallint(),
    riskValue: smallint().generatedAlwaysAs((): SQL => sql`${risks.likelihood} * ${risks.consequence}`),
    sortOrder: integer().notNull().default(0),
    /** The same risk in the previous period's plan, when it was carried over. */
    carriedFromId: uuid(),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Lets controls and actions reference (plan, risk) together, so an item's risk is always in its plan.
    unique('risks_plan_scoped_key').on(t.tenantId, t.planId, t.id),
    tenantReference('risks_plan_fk', t, t.planId, plans),
    foreignKey({
      name: 'risks_carried_from_fk',
      columns: [t.tenantId, t.carriedFromId],
      foreignColumns: [t.tenantId, t.id],
    }),
    index('risks_plan_idx').on(t.tenantId, t.planId),
    index('risks_search_idx').using('gin', searchDocument(t.title, t.description, t.cause, t.effect)),
    tenantReference('risks_process_fk', t, t.processId, vocabularyEntries),
    tenantReference('risks_category_fk', t, t.categoryId, vocabularyEntries),
    tenantReference('risks_owner_fk', t, t.ownerId, users),
    tenantReference('risks_common_control_fk', t, t.commonControlId, commonControls),
    check('risks_response_check', inList(t.response, RISK_RESPONSES)),
    check('risks_likelihood_range', sql`${t.likelihood} between 1 and 10`),
    check('risks_consequence_range', sql`${t.consequence} between 1 and 10`),
  ],
);

/** A risk's assessment in a given year, so that its trend over the years is kept. */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    ...tenantKey(),
    riskId: uuid().notNull(),
    year: smallint().notNull(),
    likelihood: smallint().notNull(),
    consequence: smallint().notNull(),
    assessedOn: date({ mode: 'string' }),
    assessedById: uuid(),
    comment: text(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('risk_assessments_risk_fk', t, t.riskId, risks),
    tenantReference('risk_assessments_assessed_by_fk', t, t.assessedById, users),
    unique('risk_assessments_year_key').on(t.tenantId, t.riskId, t.year),
    check('risk_assessments_likelihood_range', sql`${t.likelihood} between 1 and 10`),
    check('risk_assessments_consequence_range', sql`${t.consequence} between 1 and 10`),
  ],
);
