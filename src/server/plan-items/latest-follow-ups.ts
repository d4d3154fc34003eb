import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import type { Database } from '../db/client.ts';
import { followUps } from '../db/schema/follow-ups.ts';

/**
 * The newest follow-up of each item: of the latest period, then the latest day written,
 * then the latest written. An SQL condition on follow_ups.id.
 */
export function latestFollowUpCondition(tenantId: string): SQL {
  return sql`${followUps.id} in (
    select distinct on (coalesce(f.control_id, f.action_id, f.activity_id)) f.id
      from follow_ups f join reporting_periods p on p.tenant_id = f.tenant_id and p.id = f.period_id
     where f.tenant_id = ${tenantId} and f.archived_at is null
     order by coalesce(f.control_id, f.action_id, f.activity_id), p.end_date desc, f.reported_on desc nulls last, f.created_at desc, f.id desc)`;
}

export type FollowUpRow = typeof followUps.$inferSelect;

/** The newest follow-up of each of the given controls and actions, by item id. */
export async function latestFollowUps(
  db: Database,
  tenantId: string,
  items: { controlIds: string[]; actionIds: string[] },
): Promise<Map<string, FollowUpRow>> {
  const targets: SQL[] = [];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a condition over no ids (inArray of nothing) is false and finds nothing
  if (items.controlIds.length > 0) targets.push(inArray(followUps.controlId, items.controlIds));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, as above
  if (items.actionIds.length > 0) targets.push(inArray(followUps.actionId, items.actionIds));
  if (targets.length === 0) return new Map();
  // The same order as latestFollowUpCondition, but only over the items asked for.
  const item = sql`coalesce(${followUps.controlId}, ${followUps.actionId}, ${followUps.activityId})`;
  const rows = await db
    .selectDistinctOn([item], { followUp: followUps })
    .from(followUps)
    .innerJoin(
      reportingPeriods,
      and(eq(reportingPeriods.tenantId, followUps.tenantId), eq(reportingPeriods.id, followUps.periodId)),
    )
    .where(and(eq(followUps.tenantId, tenantId), isNull(followUps.archivedAt), or(...targets)))
    .orderBy(
      item,
      desc(reportingPeriods.endDate),
      sql`${followUps.reportedOn} desc nulls last`,
      desc(followUps.createdAt),
      desc(followUps.id),
    );
  return new Map(
    rows.map(({ followUp }) => [(followUp.controlId ?? followUp.actionId ?? followUp.activityId)!, followUp]),
  );
}
