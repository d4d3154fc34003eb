import { and, asc, count, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { controlResults } from '../db/schema/control-results.ts';
import { controls } from '../db/schema/controls.ts';
import { deviations } from '../db/schema/deviations.ts';
import { followUps } from '../db/schema/follow-ups.ts';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import type { CommonControlCopy } from './common-control-copies.ts';

/**
 * How each unit a common control reaches has followed it up, side by side: the status of its
 * copy, the result recorded per period, the deviations found and the last follow-up (for the
 * copies given, in their order).
 */
export async function copyResults(db: Database, tenant: string, copies: CommonControlCopy[]) {
  const controlIds = copies.flatMap((copy) => (copy.controlId ? [copy.controlId] : []));
  const [statusRows, resultRows, deviationRows, followUpRows] =
    controlIds.length === 0
      ? [[], [], [], []]
      : await Promise.all([
          db
            .select({ id: controls.id, statusId: controls.statusId })
            .from(controls)
            .where(and(eq(controls.tenantId, tenant), inArray(controls.id, controlIds))),
          db
            .select({
              controlId: controlResults.controlId,
              outcome: controlResults.outcome,
              performedOn: controlResults.performedOn,
              period: {
                id: reportingPeriods.id,
                kind: reportingPeriods.kind,
                number: reportingPeriods.number,
                year: reportingPeriods.year,
                name: reportingPeriods.name,
                startDate: reportingPeriods.startDate,
              },
            })
            .from(controlResults)
            .innerJoin(
              reportingPeriods,
              and(
                eq(reportingPeriods.tenantId, controlResults.tenantId),
                eq(reportingPeriods.id, controlResults.periodId),
              ),
            )
            .where(
              and(
                eq(controlResults.tenantId, tenant),
                inArray(controlResults.controlId, controlIds),
                isNull(controlResults.archivedAt),
              ),
            )
            .orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.endDate)),
          db
            .select({ controlId: deviations.controlId, total: count() })
            .from(deviations)
            .where(
              and(
                eq(deviations.tenantId, tenant),
                inArray(deviations.controlId, controlIds),
                isNull(deviations.archivedAt),
              ),
            )
            .groupBy(deviations.controlId),
          db
            .select({ controlId: followUps.controlId, latest: max(followUps.reportedOn) })
            .from(followUps)
            .where(
              and(
                eq(followUps.tenantId, tenant),
                inArray(followUps.controlId, controlIds),
                isNull(followUps.archivedAt),
              ),
            )
            .groupBy(followUps.controlId),
        ]);
  return copies.map((copy) => ({
    unitId: copy.unitId,
    unitName: copy.unitName,
    planId: copy.planId,
    controlId: copy.controlId,
    state: copy.state,
    statusId: statusRows.find((row) => row.id === copy.controlId)?.statusId ?? null,
    results: resultRows
      .filter((row) => row.controlId === copy.controlId)
      .map(({ outcome, performedOn, period }) => ({ outcome, performedOn, period })),
    deviations: Number(deviationRows.find((row) => row.controlId === copy.controlId)?.total ?? 0),
    latestFollowUpOn: followUpRows.find((row) => row.controlId === copy.controlId)?.latest ?? null,
  }));
}
