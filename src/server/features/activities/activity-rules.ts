import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { activity, focusArea, subActivity } from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import type { PlanRow } from '../../access/plan-scope.ts';
import { readTogether, type Database } from '../../db/client.ts';
import type { AuditChanges } from '../../db/schema/audit-events.ts';
import { activities, activityFocusAreas, focusAreas, subActivities } from '../../db/schema/activities.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { presentAs } from '../../http/present.ts';
import { findItemScope, type ExtraWriter, type ItemSpec } from '../../plan-items/item-commands.ts';

type Row = Record<string, unknown>;

export const presentActivity = presentAs(activity);
export const presentSubActivity = presentAs(subActivity);
export const presentFocusArea = presentAs(focusArea);

/** An activity's focus areas and (not archived) sub-activities, for many activities at once. */
async function decorate(db: Database, tenantId: string, rows: Row[]): Promise<Row[]> {
  const ids = rows.map((row) => row.id as string);
  if (ids.length === 0) return rows;
  const [tags, subs] = await readTogether(
    db,
    () =>
      db
        .select({ activityId: activityFocusAreas.activityId, focusAreaId: activityFocusAreas.focusAreaId })
        .from(activityFocusAreas)
        .where(and(eq(activityFocusAreas.tenantId, tenantId), inArray(activityFocusAreas.activityId, ids)))
        .orderBy(asc(activityFocusAreas.sortOrder)),
    () =>
      db
        .select()
        .from(subActivities)
        .where(
          and(
            eq(subActivities.tenantId, tenantId),
            inArray(subActivities.activityId, ids),
            isNull(subActivities.archivedAt),
          ),
        )
        .orderBy(asc(subActivities.sortOrder), asc(subActivities.id)),
  );
  return rows.map((row) => ({
    ...row,
    focusAreaIds: tags.filter((tag) => tag.activityId === row.id).map((tag) => tag.focusAreaId),
    subActivities: subs.filter((sub) => sub.activityId === row.id).map(presentSubActivity),
  }));
}

/** Activities among the plan items: their table, the fields only managers change, how they are shown. */
export const activitySpec: ItemSpec = {
  kind: 'activity',
  table: activities,
  managerOnlyFields: ['number', 'responsibleIds', 'reportingIds', 'sortOrder', 'carryOver'],
  present: presentActivity,
  decorate,
};

/** Replaces an activity's focus-area tags when given; returns the audit change. */
export function focusAreaWriter(focusAreaIds: string[] | undefined, tenantId: string): ExtraWriter | undefined {
  if (focusAreaIds === undefined) return undefined;
  return async (tx, activityId): Promise<AuditChanges> => {
    const unique = [...new Set(focusAreaIds)];
    if (unique.length > 0) {
      const found = await tx
        .select({ id: focusAreas.id })
        .from(focusAreas)
        .where(and(eq(focusAreas.tenantId, tenantId), inArray(focusAreas.id, unique)));
      const known = new Set(found.map((row) => row.id));
      const missing = unique.findIndex((id) => !known.has(id));
      if (missing >= 0)
        throw new AppError('validation_failed', undefined, [
          { path: `focusAreaIds.${missing}`, message: localize((m) => m.validation.doesNotExist) },
        ]);
    }
    const before = (
      await tx
        .select({ id: activityFocusAreas.focusAreaId })
        .from(activityFocusAreas)
        .where(and(eq(activityFocusAreas.tenantId, tenantId), eq(activityFocusAreas.activityId, activityId)))
        .orderBy(asc(activityFocusAreas.sortOrder))
    ).map((row) => row.id);
    if (JSON.stringify(before) === JSON.stringify(unique)) return {};
    await tx
      .delete(activityFocusAreas)
      .where(and(eq(activityFocusAreas.tenantId, tenantId), eq(activityFocusAreas.activityId, activityId)));
    if (unique.length > 0)
      await tx
        .insert(activityFocusAreas)
        .values(unique.map((focusAreaId, sortOrder) => ({ tenantId, activityId, focusAreaId, sortOrder })));
    return { focusAreaIds: [before, unique] };
  };
}

/** Activities belong to aktivitetsplaner only. */
export function assertActivityPlan(plan: PlanRow) {
  if (plan.kind !== 'activity') {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'planId',
        message: localize((m) => m.activities.onlyInActivityPlans),
      },
    ]);
  }
}

/** A sub-activity the caller may read, with the scope (unit, assigned persons) of its activity; otherwise not found. */
export async function findReadableSubActivity(db: Database, access: Access, id: string) {
  const [row] = await db
    .select()
    .from(subActivities)
    .where(and(eq(subActivities.tenantId, access.tenantId), eq(subActivities.id, id)));
  if (!row) throw new AppError('not_found');
  const scope = await findItemScope(db, access, 'activity', row.activityId, 'activityId').catch((error: unknown) => {
    // A person named on the activity without a role on its unit is told so; anyone else finds nothing.
    throw error instanceof AppError && error.code === 'forbidden'
      ? new AppError('forbidden', error.detail, [], error.extensions)
      : new AppError('not_found');
  });
  return { row, scope };
}
