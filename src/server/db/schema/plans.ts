import { pgTable, text, smallint, date, uuid, timestamp, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { PLAN_KINDS, PLAN_STATES } from '../../../domain/plan.ts';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { riskMatrices } from './risk-matrices.ts';
import { inList } from './sql-helpers.ts';
import { searchDocument, diarienummerWords } from './search-documents.ts';

/**
 * An internkontrollplan or aktivitetsplan of a unit for a year or a range of years.
 * Life cycle utkast → beslutad → avslutad; the decision records the deciding body, the
 * meeting date, the protokoll paragraph and the diarienummer.
 */
export const plans = pgTable(
  'plans',
  {
    ...tenantKey(),
    unitId: uuid().notNull(),
    kind: text({ enum: PLAN_KINDS }).notNull(),
    title: text().notNull(),
    startYear: smallint().notNull(),
    endYear: smallint().notNull(),
    state: text({ enum: PLAN_STATES }).notNull().default('draft'),
    /** Markdown shown before the plan's items. */
    description: text(),
    /** The risk-matrix version the plan's risks are assessed with (internkontrollplan only). */
    riskMatrixId: uuid(),
    /** The body that adopted the plan, usually the owning nämnd. */
    decisionUnitId: uuid(),
    decisionDate: date({ mode: 'string' }),
    /** Protokoll paragraph, e.g. "§95". */
    decisionParagraph: text(),
    /** Case number, e.g. "GRF-2020-11639". */
    diarienummer: text(),
    adoptedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('plans_unit_fk', t, t.unitId, orgUnits),
    tenantReference('plans_decision_unit_fk', t, t.decisionUnitId, orgUnits),
    tenantReference('plans_risk_matrix_fk', t, t.riskMatrixId, riskMatrices),
    index('plans_unit_idx').on(t.tenantId, t.unitId, t.startYear),
    index('plans_search_idx').using(
      'gin',
      searchDocument(t.title, t.description, t.diarienummer, diarienummerWords(t.diarienummer)),
    ),
    check('plans_kind_check', inList(t.kind, PLAN_KINDS)),
    check('plans_state_check', inList(t.state, PLAN_STATES)),
    check('plans_years_in_order', sql`${t.endYear} >= ${t.startYear}`),
  ],
);
