import { and, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { dueFollowUp, dueFollowUpsQuery } from '../../../domain/contracts/follow-ups.ts';
import type { Access } from '../../access/access.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities } from '../../db/schema/activities.ts';
import { checkpoints } from '../../db/schema/checkpoints.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { plans } from '../../db/schema/plans.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assignedToCondition, completedStatusIds, isOverdue } from '../../plan-items/item-details.ts';

/**
 * What needs its follow-up for a reporting period, computed from the calendar and the items:
 * every control, action and activity of a plan running in the period's year that is not done,
 * whose dates reach into the period (or have passed without it being done), and that has no
 * follow-up for the period yet. Nothing of this is stored; it is derived each time.
 */
export async function listDueFollowUps(db: Database, access: Access, query: z.infer<typeof dueFollowUpsQuery>) {
  const { tenantId } = access;
  const [period] = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.tenantId, tenantId), eq(reportingPeriods.id, query.periodId)));
  if (!period)
    throw new AppError('validation_failed', undefined, [
      { path: 'periodId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  const units = await findReadableUnitIds(db, access, query.under);
  const done = await completedStatusIds(db, tenantId);
  const { today } = access;
  const due: z.infer<typeof dueFollowUp>[] = [];

  for (const [kind, table] of [
    ['control', controls],
    ['action', actions],
    ['activity', activities],
  ] as const) {
    const itemColumn =
      kind === 'control' ? followUps.controlId : kind === 'action' ? followUps.actionId : followUps.activityId;
    const checkpointColumn =
      kind === 'control' ? checkpoints.controlId : kind === 'action' ? checkpoints.actionId : checkpoints.activityId;
    const rows = await db
      .select({
        id: table.id,
        title: table.title,
        planId: table.planId,
        planTitle: plans.title,
        unitId: plans.unitId,
        startDate: table.startDate,
        endDate: table.endDate,
        statusId: table.statusId,
      })
      .from(table)
      .innerJoin(plans, and(eq(plans.tenantId, table.tenantId), eq(plans.id, table.planId)))
      .where(
        and(
          eq(table.tenantId, tenantId),
          isNull(table.archivedAt),
          isNull(plans.archivedAt),
          ne(plans.state, 'closed'),
          lte(plans.startYear, period.year),
          gte(plans.endYear, period.year),
          units === 'all' ? undefined : units.length === 0 ? sql`false` : inArray(plans.unitId, units),
          or(isNull(table.startDate), lte(table.startDate, period.endDate)),
          // As in Mitt arbete: also the controls whose responsible function the person holds today.
          query.assignedTo ? assignedToCondition(kind, table.id, tenantId, query.assignedTo, today) : undefined,
        ),
      );
    const open = rows.filter((row) => row.statusId === null || !done.has(row.statusId));
    if (open.length === 0) continue;
    const ids = open.map((row) => row.id);
    const [reported, points] = [
      await db
        .select({ id: itemColumn })
        .from(followUps)
        .where(
          and(
            eq(followUps.tenantId, tenantId),
            eq(followUps.periodId, period.id),
            isNull(followUps.archivedAt),
            inArray(itemColumn, ids),
          ),
        ),
      await db
        .select({ id: checkpointColumn, date: checkpoints.date })
        .from(checkpoints)
        .where(
          and(
            eq(checkpoints.tenantId, tenantId),
            inArray(checkpointColumn, ids),
            gte(checkpoints.date, period.startDate),
            lte(checkpoints.date, period.endDate),
          ),
        ),
    ];
    const reportedIds = new Set(reported.map((row) => row.id));
    for (const row of open) {
      if (reportedIds.has(row.id)) continue;
      due.push({
        kind,
        id: row.id,
        title: row.title,
        planId: row.planId,
        planTitle: row.planTitle,
        unitId: row.unitId,
        endDate: row.endDate,
        checkpoints: points
          .filter((point) => point.id === row.id)
          .map((point) => point.date)
          .sort(),
        overdue: isOverdue({ endDate: row.endDate, statusId: row.statusId, archivedAt: null }, done, today),
      });
    }
  }
  return due.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.endDate ?? '9999').localeCompare(b.endDate ?? '9999') ||
      a.title.localeCompare(b.title, 'sv'),
  );
}
