import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  activity,
  activityCreate,
  activityListQuery,
  activityUpdate,
  focusArea,
  focusAreaCreate,
  focusAreaListQuery,
  focusAreaUpdate,
  subActivity,
  subActivityCreate,
  subActivityListQuery,
  subActivityUpdate,
} from '../../../domain/contracts/activities.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan, type PlanRow } from '../../access/plan-scope.ts';
import { insertAudited, setArchived, updateAudited } from '../../audit/audited-writes.ts';
import { readTogether, type Database, type Transaction } from '../../db/client.ts';
import type { AuditChanges } from '../../db/schema/audit-events.ts';
import { activities, activityFocusAreas, focusAreas, subActivities } from '../../db/schema/activities.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveItem, createItem, findItemScope, findReadableItem, listItems, updateItem, type ExtraWriter, type ItemSpec } from '../../plan-items/item-commands.ts';

type Row = Record<string, unknown>;

const presentActivity = presentAs(activity);
const presentSubActivity = presentAs(subActivity);
const presentFocusArea = presentAs(focusArea);

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
        .where(and(eq(subActivities.tenantId, tenantId), inArray(subActivities.activityId, ids), isNull(subActivities.archivedAt)))
        .orderBy(asc(subActivities.sortOrder), asc(subActivities.id)),
  );
  return rows.map((row) => ({
    ...row,
    focusAreaIds: tags.filter((tag) => tag.activityId === row.id).map((tag) => tag.focusAreaId),
    subActivities: subs.filter((sub) => sub.activityId === row.id).map(presentSubActivity),
  }));
}

const spec: ItemSpec = {
  kind: 'activity',
  table: activities,
  managerOnlyFields: ['number', 'responsibleIds', 'reportingIds', 'sortOrder', 'carryOver'],
  present: presentActivity,
  decorate,
  decoratedFields: ['focusAreaIds', 'subActivities'],
};

/** Replaces an activity's focus-area tags when given; returns the audit change. */
function focusAreaWriter(focusAreaIds: string[] | undefined, tenantId: string): ExtraWriter | undefined {
  if (focusAreaIds === undefined) return undefined;
  return async (tx, activityId): Promise<AuditChanges> => {
    const unique = [...new Set(focusAreaIds)];
    if (unique.length > 0) {
      const found = await tx.select({ id: focusAreas.id }).from(focusAreas).where(and(eq(focusAreas.tenantId, tenantId), inArray(focusAreas.id, unique)));
      const known = new Set(found.map((row) => row.id));
      const missing = unique.findIndex((id) => !known.has(id));
      if (missing >= 0) throw new AppError('validation_failed', undefined, [{ path: `focusAreaIds.${missing}`, message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
    }
    const before = (
      await tx.select({ id: activityFocusAreas.focusAreaId }).from(activityFocusAreas).where(and(eq(activityFocusAreas.tenantId, tenantId), eq(activityFocusAreas.activityId, activityId))).orderBy(asc(activityFocusAreas.sortOrder))
    ).map((row) => row.id);
    if (JSON.stringify(before) === JSON.stringify(unique)) return {};
    await tx.delete(activityFocusAreas).where(and(eq(activityFocusAreas.tenantId, tenantId), eq(activityFocusAreas.activityId, activityId)));
    if (unique.length > 0) await tx.insert(activityFocusAreas).values(unique.map((focusAreaId, sortOrder) => ({ tenantId, activityId, focusAreaId, sortOrder })));
    return { focusAreaIds: [before, unique] };
  };
}

function assertActivityPlan(plan: PlanRow) {
  if (plan.kind !== 'activity') {
    throw new AppError('validation_failed', undefined, [{ path: 'planId', message: { sv: 'Aktiviteter hör till aktivitetsplaner.', en: 'Activities belong to activity plans.' } }]);
  }
}

async function createActivity(tx: Transaction, access: Access, input: z.infer<typeof activityCreate>) {
  const plan = await findReadablePlan(tx, access, input.planId, 'planId');
  assertActivityPlan(plan);
  const { planId, focusAreaIds, ...values } = input;
  void planId;
  return createItem(tx, access, spec, plan, values, focusAreaWriter(focusAreaIds, access.tenantId));
}

async function updateActivity(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof activityUpdate>, 'version'>) {
  const { focusAreaIds, ...values } = changes;
  return updateItem(tx, access, spec, id, version, values, undefined, focusAreaWriter(focusAreaIds, access.tenantId));
}

// Sub-activities: read with their activity, written by those who may write the activity.

async function findReadableSubActivity(db: Database, access: Access, id: string) {
  const [row] = await db.select().from(subActivities).where(and(eq(subActivities.tenantId, access.tenantId), eq(subActivities.id, id)));
  if (!row) throw new AppError('not_found');
  const scope = await findItemScope(db, access, 'activity', row.activityId, 'activityId').catch((error: unknown) => {
    // A person named on the activity without a role on its unit is told so; anyone else finds nothing.
    throw error instanceof AppError && error.code === 'forbidden' ? new AppError('forbidden', error.detail, [], error.extensions) : new AppError('not_found');
  });
  return { row, scope };
}

/** Activities of aktivitetsplaner (with focus areas and sub-activities), sub-activities, and the tenant's focus areas. */
export function activityRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/activities',
    tags: ['Activities'],
    noun: 'activity',
    output: activity,
    createInput: activityCreate,
    updateInput: activityUpdate,
    listQuery: activityListQuery,
    present: presentActivity,
    list: (db, access, query) =>
      listItems(
        db,
        access,
        spec,
        query,
        query.focusAreaId
          ? [sql`exists (select 1 from activity_focus_areas t where t.tenant_id = ${access.tenantId} and t.activity_id = ${activities.id} and t.focus_area_id = ${query.focusAreaId})`]
          : [],
      ),
    find: (db, access, id) => findReadableItem(db, access, spec, id),
    create: createActivity,
    update: updateActivity,
    archive: (tx, access, id, archived) => archiveItem(tx, access, spec, id, archived),
  });

  addStandardRoutes(router, {
    path: '/sub-activities',
    tags: ['Activities'],
    noun: 'sub-activity',
    output: subActivity,
    createInput: subActivityCreate,
    updateInput: subActivityUpdate,
    listQuery: subActivityListQuery,
    present: presentSubActivity,
    async list(db, access, query) {
      await findItemScope(db, access, 'activity', query.activityId, 'activityId');
      const rows = await db
        .select({ sub: subActivities, total: sql<number>`count(*) over ()` })
        .from(subActivities)
        .where(and(eq(subActivities.tenantId, access.tenantId), eq(subActivities.activityId, query.activityId), query.includeArchived ? undefined : isNull(subActivities.archivedAt)))
        .orderBy(asc(subActivities.sortOrder), asc(subActivities.id))
        .limit(query.limit)
        .offset(query.offset);
      return { items: rows.map((row) => row.sub), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
    },
    find: async (db, access, id) => (await findReadableSubActivity(db, access, id)).row,
    async create(tx, access, input) {
      const scope = await findItemScope(tx, access, 'activity', input.activityId, 'activityId');
      access.assertItemWrite(scope.unitId, scope.assigned);
      return insertAudited(tx, subActivities, { ...input, tenantId: access.tenantId }, { actor: access.actor, entityType: 'sub_activity', unitId: scope.unitId });
    },
    async update(tx, access, id, version, changes) {
      const { row, scope } = await findReadableSubActivity(tx, access, id);
      access.assertItemWrite(scope.unitId, scope.assigned);
      return updateAudited(tx, subActivities, { current: row, expectedVersion: version, values: changes, present: presentSubActivity }, { actor: access.actor, entityType: 'sub_activity', unitId: scope.unitId });
    },
    async archive(tx, access, id, archived) {
      const { row, scope } = await findReadableSubActivity(tx, access, id);
      // Like every archiving of plan data: the unit's managers, not the activity's ansvariga.
      access.assertMayArchive(scope.unitId);
      return setArchived(tx, subActivities, row, archived, { actor: access.actor, entityType: 'sub_activity', unitId: scope.unitId });
    },
  });

  addStandardRoutes(router, {
    path: '/focus-areas',
    tags: ['Activities'],
    noun: 'focus area',
    output: focusArea,
    createInput: focusAreaCreate,
    updateInput: focusAreaUpdate,
    listQuery: focusAreaListQuery,
    present: presentFocusArea,
    async list(db, access, query) {
      const rows = await db
        .select({ area: focusAreas, total: sql<number>`count(*) over ()` })
        .from(focusAreas)
        .where(and(eq(focusAreas.tenantId, access.tenantId), query.includeInactive ? undefined : eq(focusAreas.active, true)))
        .orderBy(asc(focusAreas.sortOrder), asc(focusAreas.name))
        .limit(query.limit)
        .offset(query.offset);
      return { items: rows.map((row) => row.area), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
    },
    async find(db, access, id) {
      const [row] = await db.select().from(focusAreas).where(and(eq(focusAreas.tenantId, access.tenantId), eq(focusAreas.id, id)));
      if (!row) throw new AppError('not_found');
      return row;
    },
    async create(tx, access, input) {
      access.assertTenantAdministrator();
      return insertAudited(tx, focusAreas, { ...input, tenantId: access.tenantId }, { actor: access.actor, entityType: 'focus_area', unitId: null });
    },
    async update(tx, access, id, version, changes) {
      const [current] = await tx.select().from(focusAreas).where(and(eq(focusAreas.tenantId, access.tenantId), eq(focusAreas.id, id)));
      if (!current) throw new AppError('not_found');
      access.assertTenantAdministrator();
      return updateAudited(tx, focusAreas, { current, expectedVersion: version, values: changes, present: presentFocusArea }, { actor: access.actor, entityType: 'focus_area', unitId: null });
    },
  });
  return router;
}
