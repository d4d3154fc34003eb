import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { issuedReportDecisionPut } from '../../../domain/contracts/reports.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import {
  assertCurrentVersion,
  changedFields,
  expectedVersion,
  insertAudited,
  type Row,
} from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { reportDecisions } from '../../db/schema/report-decisions.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findIssuedReport } from './find-issued-report.ts';

/** The decision as the API shows it, from a row read with `decisionQuery`. */
function presentDecision(row: DecisionRow) {
  return {
    id: row.id,
    decisionUnitId: row.decisionUnitId,
    decisionUnitName: row.decisionUnitName,
    decisionDate: row.decisionDate,
    decisionParagraph: row.decisionParagraph,
    diarienummer: row.diarienummer,
    outcome: row.outcome,
    note: row.note,
    recordedByName: row.recordedByName,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

type DecisionRow = Awaited<ReturnType<typeof readDecisions>>[number];
export type PresentedDecision = ReturnType<typeof presentDecision>;

function readDecisions(db: Database, tenantId: string, issuedReportIds: string[]) {
  return db
    .select({
      id: reportDecisions.id,
      issuedReportId: reportDecisions.issuedReportId,
      decisionUnitId: reportDecisions.decisionUnitId,
      decisionUnitName: orgUnits.name,
      decisionDate: reportDecisions.decisionDate,
      decisionParagraph: reportDecisions.decisionParagraph,
      diarienummer: reportDecisions.diarienummer,
      outcome: reportDecisions.outcome,
      note: reportDecisions.note,
      recordedByName: users.name,
      version: reportDecisions.version,
      updatedAt: reportDecisions.updatedAt,
    })
    .from(reportDecisions)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, reportDecisions.tenantId), eq(orgUnits.id, reportDecisions.decisionUnitId)),
    )
    .leftJoin(users, and(eq(users.tenantId, reportDecisions.tenantId), eq(users.id, reportDecisions.recordedById)))
    .where(and(eq(reportDecisions.tenantId, tenantId), inArray(reportDecisions.issuedReportId, issuedReportIds)));
}

/** The recorded decisions of the given issued reports, by report id (one query, whatever the number). */
export async function decisionsOf(
  db: Database,
  tenantId: string,
  issuedReportIds: string[],
): Promise<Map<string, PresentedDecision>> {
  if (issuedReportIds.length === 0) return new Map();
  const rows = await readDecisions(db, tenantId, issuedReportIds);
  return new Map(rows.map((row) => [row.issuedReportId, presentDecision(row)]));
}

/** The decision and, when one is recorded already, the version replaced (from the body or If-Match). */
export type PutReportDecisionOptions = { issuedReportId: string } & Omit<
  z.infer<typeof issuedReportDecisionPut>,
  'version'
> & { version: number | undefined };

/**
 * Records the decision the nämnd or kommunstyrelsen took on an issued report (godkänd,
 * återremitterad, noterad), or replaces the one recorded, which must be named by its version.
 * The report's unit's administrators and coordinators record it; the deciding body is any unit of
 * the tenant (a nämnd decides on its förvaltning's report, kommunstyrelsen on a nämnd's).
 */
export async function putReportDecision(tx: Transaction, access: Access, options: PutReportDecisionOptions) {
  const report = await findIssuedReport(tx, access, { issuedReportId: options.issuedReportId });
  access.assertRole(report.unitId, MANAGING_ROLES);
  const [unit] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, options.decisionUnitId)));
  if (!unit)
    throw new AppError('validation_failed', undefined, [
      { path: 'decisionUnitId', message: localize((m) => m.decisions.unitNotFound) },
    ]);
  const [current] = await tx
    .select()
    .from(reportDecisions)
    .where(
      and(eq(reportDecisions.tenantId, access.tenantId), eq(reportDecisions.issuedReportId, options.issuedReportId)),
    )
    .for('update');
  const values = {
    decisionUnitId: options.decisionUnitId,
    decisionDate: options.decisionDate,
    decisionParagraph: options.decisionParagraph ?? null,
    diarienummer: options.diarienummer ?? null,
    outcome: options.outcome,
    note: options.note ?? null,
  };
  const audit = { actor: access.actor, entityType: 'report_decision', unitId: report.unitId };
  const present = async () => (await decisionsOf(tx, access.tenantId, [options.issuedReportId])).get(report.id)!;
  if (!current) {
    if (options.version !== undefined)
      throw new AppError(
        'conflict',
        localize((m) => m.decisions.noLongerExists),
      );
    await insertAudited(
      tx,
      reportDecisions,
      {
        tenantId: access.tenantId,
        issuedReportId: report.id,
        recordedById: access.userId,
        ...values,
      },
      audit,
    );
    return { decision: await present(), created: true };
  }
  const shown = (row: Row) => ({ id: row.id, version: row.version, outcome: row.outcome });
  if (options.version === undefined)
    throw new AppError(
      'conflict',
      localize((m) => m.decisions.alreadyRecorded),
      [],
      { current: shown(current) },
    );
  assertCurrentVersion(current, options.version, shown);
  const changes = changedFields(current, values);
  if (Object.keys(changes).length > 0) {
    await tx
      .update(reportDecisions)
      .set({ ...values, recordedById: access.userId, version: current.version + 1, updatedAt: access.clock.now() })
      .where(and(eq(reportDecisions.tenantId, access.tenantId), eq(reportDecisions.id, current.id)));
    await recordAuditEvents(tx, access.actor, [
      { entityType: 'report_decision', entityId: current.id, operation: 'update', unitId: report.unitId, changes },
    ]);
  }
  return { decision: await present(), created: false };
}

/**
 * The version of the recorded decision a change replaces: the body's, else If-Match's; none
 * when neither is given (the first decision is recorded without one).
 */
export function expectedVersionOrNone(bodyVersion: number | undefined, ifMatch: string | undefined) {
  if (bodyVersion === undefined && !ifMatch) return undefined;
  return expectedVersion(bodyVersion, ifMatch);
}
