import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import type { Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities, subActivities } from '../../db/schema/activities.ts';
import { plans } from '../../db/schema/plans.ts';
import { risks } from '../../db/schema/risks.ts';

interface Link {
  entity: 'risk' | 'action' | 'activity' | 'sub_activity';
  id: string;
  title: string;
  otherId: string;
  otherPlanId: string;
  otherPlanTitle: string;
}

/**
 * Both directions of the carry-over links of a plan's risks, actions, activities and
 * sub-activities: where each came from ("överförd från") and where it went ("förs över till").
 * Links into plans the caller cannot read are left out.
 */
export async function findCarryOverLinks(db: Database, access: Access, { planId }: { planId: string }) {
  await findReadablePlan(db, access, planId);
  const { tenantId } = access;
  const otherPlan = alias(plans, 'other_plan');
  const carriedFrom: Link[] = [];
  const carriedTo: Link[] = [];
  const visible = (link: Link & { otherUnitId: string }) => access.canRead(link.otherUnitId);
  const strip = ({ otherUnitId: _unit, ...link }: Link & { otherUnitId: string }) => link;

  for (const [entity, table] of [
    ['risk', risks],
    ['action', actions],
    ['activity', activities],
  ] as const) {
    const other = alias(table as typeof risks, `other_${entity}`);
    const from = await db
      .select({
        id: table.id,
        title: table.title,
        otherId: other.id,
        otherPlanId: otherPlan.id,
        otherPlanTitle: otherPlan.title,
        otherUnitId: otherPlan.unitId,
      })
      .from(table)
      .innerJoin(other, and(eq(other.tenantId, table.tenantId), eq(other.id, table.carriedFromId)))
      .innerJoin(otherPlan, and(eq(otherPlan.tenantId, other.tenantId), eq(otherPlan.id, other.planId)))
      .where(and(eq(table.tenantId, tenantId), eq(table.planId, planId)));
    carriedFrom.push(
      ...from
        .map((row) => ({ entity, ...row }))
        .filter(visible)
        .map(strip),
    );
    const to = await db
      .select({
        id: table.id,
        title: table.title,
        otherId: other.id,
        otherPlanId: otherPlan.id,
        otherPlanTitle: otherPlan.title,
        otherUnitId: otherPlan.unitId,
      })
      .from(table)
      .innerJoin(other, and(eq(other.tenantId, table.tenantId), eq(other.carriedFromId, table.id)))
      .innerJoin(otherPlan, and(eq(otherPlan.tenantId, other.tenantId), eq(otherPlan.id, other.planId)))
      .where(and(eq(table.tenantId, tenantId), eq(table.planId, planId)));
    carriedTo.push(
      ...to
        .map((row) => ({ entity, ...row }))
        .filter(visible)
        .map(strip),
    );
  }

  const ownActivities = db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.tenantId, tenantId), eq(activities.planId, planId)));
  const otherSub = alias(subActivities, 'other_sub');
  const otherActivity = alias(activities, 'other_activity');
  const subSelect = {
    id: subActivities.id,
    title: subActivities.title,
    otherId: otherSub.id,
    otherPlanId: otherPlan.id,
    otherPlanTitle: otherPlan.title,
    otherUnitId: otherPlan.unitId,
  };
  const subFrom = await db
    .select(subSelect)
    .from(subActivities)
    .innerJoin(
      otherSub,
      and(eq(otherSub.tenantId, subActivities.tenantId), eq(otherSub.id, subActivities.carriedFromId)),
    )
    .innerJoin(
      otherActivity,
      and(eq(otherActivity.tenantId, otherSub.tenantId), eq(otherActivity.id, otherSub.activityId)),
    )
    .innerJoin(otherPlan, and(eq(otherPlan.tenantId, otherActivity.tenantId), eq(otherPlan.id, otherActivity.planId)))
    .where(and(eq(subActivities.tenantId, tenantId), inArray(subActivities.activityId, ownActivities)));
  carriedFrom.push(
    ...subFrom
      .map((row) => ({ entity: 'sub_activity' as const, ...row }))
      .filter(visible)
      .map(strip),
  );
  const subTo = await db
    .select(subSelect)
    .from(subActivities)
    .innerJoin(
      otherSub,
      and(eq(otherSub.tenantId, subActivities.tenantId), eq(otherSub.carriedFromId, subActivities.id)),
    )
    .innerJoin(
      otherActivity,
      and(eq(otherActivity.tenantId, otherSub.tenantId), eq(otherActivity.id, otherSub.activityId)),
    )
    .innerJoin(otherPlan, and(eq(otherPlan.tenantId, otherActivity.tenantId), eq(otherPlan.id, otherActivity.planId)))
    .where(and(eq(subActivities.tenantId, tenantId), inArray(subActivities.activityId, ownActivities)));
  carriedTo.push(
    ...subTo
      .map((row) => ({ entity: 'sub_activity' as const, ...row }))
      .filter(visible)
      .map(strip),
  );
  return { carriedFrom, carriedTo };
}
