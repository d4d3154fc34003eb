import { and, eq, sql } from 'drizzle-orm';
import { formatPlanPeriod } from '../../../domain/plan.ts';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities } from '../../db/schema/activities.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { plans } from '../../db/schema/plans.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';
import type { ItemKind } from '../../plan-items/item-details.ts';

export type FollowUpRow = typeof followUps.$inferSelect;

/** The item a follow-up follows up (a control, an action or an activity), with the field that names it. */
export function itemOf(row: { controlId: string | null; actionId: string | null; activityId: string | null }): {
  kind: ItemKind;
  id: string;
  field: string;
} {
  if (row.controlId) return { kind: 'control', id: row.controlId, field: 'controlId' };
  if (row.actionId) return { kind: 'action', id: row.actionId, field: 'actionId' };
  return { kind: 'activity', id: row.activityId!, field: 'activityId' };
}

const planOfItem = sql`coalesce(${controls.planId}, ${actions.planId}, ${activities.planId})`;

/** Follow-ups joined to the plan of whichever item they follow up. */
export function selectWithUnit(db: Database) {
  return db
    .select({ followUp: followUps, unitId: plans.unitId, total: sql<number>`count(*) over ()` })
    .from(followUps)
    .leftJoin(controls, and(eq(controls.tenantId, followUps.tenantId), eq(controls.id, followUps.controlId)))
    .leftJoin(actions, and(eq(actions.tenantId, followUps.tenantId), eq(actions.id, followUps.actionId)))
    .leftJoin(activities, and(eq(activities.tenantId, followUps.tenantId), eq(activities.id, followUps.activityId)))
    .innerJoin(plans, and(eq(plans.tenantId, followUps.tenantId), sql`${plans.id} = ${planOfItem}`));
}

/**
 * A follow-up is for a reporting period within its plan's years: "Kvartal 1 2027" does not
 * follow up a plan for 2026. The period is named by its printed name in the message.
 */
export async function assertPeriodInPlan(tx: Transaction, tenantId: string, periodId: string, planId: string) {
  const [period] = await tx
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.tenantId, tenantId), eq(reportingPeriods.id, periodId)));
  if (!period)
    throw new AppError('validation_failed', undefined, [
      { path: 'periodId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  const [plan] = await tx
    .select({ startYear: plans.startYear, endYear: plans.endYear })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
  if (!plan || (period.year >= plan.startYear && period.year <= plan.endYear)) return;
  const years = formatPlanPeriod(plan);
  throw new AppError('validation_failed', undefined, [
    {
      path: 'periodId',
      message: localize((m, locale) => m.followUps.periodOutsidePlan(reportingPeriodLabel(period, locale), years)),
    },
  ]);
}

/** Its author (while still answering for the item) or a coordinator may change or archive a follow-up. */
export async function assertMayChange(tx: Transaction, access: Access, current: FollowUpRow & { unitId: string }) {
  if (access.hasRole(current.unitId, MANAGING_ROLES)) return access.assertRole(current.unitId, MANAGING_ROLES);
  const item = itemOf(current);
  const scope = await findItemScope(tx, access, item.kind, item.id, item.field);
  access.assertItemWrite(scope.unitId, scope.assigned);
  if (current.authorId !== access.userId) {
    throw new AppError(
      'forbidden',
      localize((m) => m.followUps.authorOrCoordinatorOnly),
    );
  }
}
