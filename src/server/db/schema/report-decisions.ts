import { pgTable, text, uuid, date, primaryKey, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { REPORT_DECISION_OUTCOMES } from '../../../domain/control-result.ts';
import { editable, tenantKey, tenantReference } from './columns.ts';
import { issuedReports } from './issued-reports.ts';
import { orgUnits } from './org-units.ts';
import { users } from './users.ts';
import { inList } from './sql-helpers.ts';

/**
 * The decision the nämnd or kommunstyrelsen took on an issued report: body, date, §,
 * diarienummer and the outcome (godkänd, återremitterad, noterad). The report itself never changes.
 */
export const reportDecisions = pgTable(
  'report_decisions',
  {
    ...tenantKey(),
    issuedReportId: uuid().notNull(),
    decisionUnitId: uuid().notNull(),
    decisionDate: date({ mode: 'string' }).notNull(),
    /** e.g. "§95". */
    decisionParagraph: text(),
    diarienummer: text(),
    outcome: text({ enum: REPORT_DECISION_OUTCOMES }).notNull(),
    /** Markdown. */
    note: text(),
    recordedById: uuid(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('report_decisions_report_fk', t, t.issuedReportId, issuedReports),
    tenantReference('report_decisions_unit_fk', t, t.decisionUnitId, orgUnits),
    tenantReference('report_decisions_recorded_by_fk', t, t.recordedById, users),
    uniqueIndex('report_decisions_report_key').on(t.tenantId, t.issuedReportId),
    check('report_decisions_outcome_check', inList(t.outcome, REPORT_DECISION_OUTCOMES)),
  ],
);
