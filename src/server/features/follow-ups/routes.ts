import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { json, problems } from '../../http/openapi-helpers.ts';
import { dueFollowUps } from './due.ts';
import { dueFollowUp, dueFollowUpsQuery, followUp, followUpCreate, followUpListQuery, followUpUpdate } from '../../../domain/contracts/follow-ups.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import { insertAudited, setArchived, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities } from '../../db/schema/activities.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { plans } from '../../db/schema/plans.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { formatPlanPeriod } from '../../../domain/plan.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { findItemScope, setItemStatus } from '../../plan-items/item-commands.ts';
import type { ItemKind } from '../../plan-items/item-details.ts';
import { latestFollowUpCondition } from '../../plan-items/latest-follow-ups.ts';

const presentFollowUp = presentAs(followUp);

type FollowUpRow = typeof followUps.$inferSelect;

function itemOf(row: { controlId: string | null; actionId: string | null; activityId: string | null }): { kind: ItemKind; id: string; field: string } {
  if (row.controlId) return { kind: 'control', id: row.controlId, field: 'controlId' };
  if (row.actionId) return { kind: 'action', id: row.actionId, field: 'actionId' };
  return { kind: 'activity', id: row.activityId!, field: 'activityId' };
}

const planOfItem = sql`coalesce(${controls.planId}, ${actions.planId}, ${activities.planId})`;

/** Follow-ups joined to the plan of whichever item they follow up. */
function selectWithUnit(db: Database) {
  return db
    .select({ followUp: followUps, unitId: plans.unitId, total: sql<number>`count(*) over ()` })
    .from(followUps)
    .leftJoin(controls, and(eq(controls.tenantId, followUps.tenantId), eq(controls.id, followUps.controlId)))
    .leftJoin(actions, and(eq(actions.tenantId, followUps.tenantId), eq(actions.id, followUps.actionId)))
    .leftJoin(activities, and(eq(activities.tenantId, followUps.tenantId), eq(activities.id, followUps.activityId)))
    .innerJoin(plans, and(eq(plans.tenantId, followUps.tenantId), sql`${plans.id} = ${planOfItem}`));
}

/** A follow-up the caller may read, with its unit; otherwise not found. */
async function findReadableFollowUp(db: Database, access: Access, id: string): Promise<FollowUpRow & { unitId: string }> {
  const [row] = await selectWithUnit(db).where(and(eq(followUps.tenantId, access.tenantId), eq(followUps.id, id)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.followUp, unitId: row.unitId };
}

async function listFollowUps(db: Database, access: Access, query: z.infer<typeof followUpListQuery>) {
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(followUps.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.controlId) where.push(eq(followUps.controlId, query.controlId));
  if (query.actionId) where.push(eq(followUps.actionId, query.actionId));
  if (query.activityId) where.push(eq(followUps.activityId, query.activityId));
  if (query.periodId) where.push(eq(followUps.periodId, query.periodId));
  if (query.authorId) where.push(eq(followUps.authorId, query.authorId));
  if (query.latest) where.push(latestFollowUpCondition(access.tenantId));
  if (!query.includeArchived) where.push(isNull(followUps.archivedAt));
  const rows = await selectWithUnit(db)
    .where(and(...where))
    .orderBy(...orderBy(query.sort, { reportedOn: followUps.reportedOn, createdAt: followUps.createdAt }, '-createdAt', followUps.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.followUp), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}

/**
 * A follow-up is for a reporting period within its plan's years: "Kvartal 1 2027" does not
 * follow up a plan for 2026. The period is named by its printed name in the message.
 */
async function assertPeriodInPlan(tx: Transaction, tenantId: string, periodId: string, planId: string) {
  const [period] = await tx.select().from(reportingPeriods).where(and(eq(reportingPeriods.tenantId, tenantId), eq(reportingPeriods.id, periodId)));
  if (!period) throw new AppError('validation_failed', undefined, [{ path: 'periodId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
  const [plan] = await tx.select({ startYear: plans.startYear, endYear: plans.endYear }).from(plans).where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
  if (!plan || (period.year >= plan.startYear && period.year <= plan.endYear)) return;
  const years = formatPlanPeriod(plan);
  throw new AppError('validation_failed', undefined, [
    {
      path: 'periodId',
      message: {
        sv: `${reportingPeriodLabel(period, 'sv')} ligger utanför planens period (${years}).`,
        en: `${reportingPeriodLabel(period, 'en')} lies outside the plan’s period (${years}).`,
      },
    },
  ]);
}

/**
 * Writes a follow-up for an item the caller answers for (or coordinates); the author is the
 * caller. A status given with it becomes the item's status too, in the same transaction.
 */
async function createFollowUp(tx: Transaction, access: Access, input: z.infer<typeof followUpCreate>) {
  const targets = (['controlId', 'actionId', 'activityId'] as const).filter((field) => input[field] !== undefined);
  if (targets.length !== 1) {
    throw new AppError('validation_failed', undefined, [
      { path: targets[1] ?? 'controlId', message: { sv: 'Ange exakt en av controlId, actionId och activityId.', en: 'Give exactly one of controlId, actionId and activityId.' } },
    ]);
  }
  const item = itemOf({ controlId: input.controlId ?? null, actionId: input.actionId ?? null, activityId: input.activityId ?? null });
  const scope = await findItemScope(tx, access, item.kind, item.id, item.field);
  access.assertItemWrite(scope.unitId, scope.assigned);
  await assertPeriodInPlan(tx, access.tenantId, input.periodId, scope.planId);
  const row = await insertAudited(
    tx,
    followUps,
    { ...input, reportedOn: input.reportedOn ?? access.today, authorId: access.userId, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'follow_up', unitId: scope.unitId },
  );
  if (input.statusId !== undefined) await setItemStatus(tx, access, item.kind, item.id, input.statusId, scope.unitId);
  return row;
}

/** Its author (while still answering for the item) or a coordinator may change or archive a follow-up. */
async function assertMayChange(tx: Transaction, access: Access, current: FollowUpRow & { unitId: string }) {
  if (access.hasRole(current.unitId, MANAGING_ROLES)) return access.assertRole(current.unitId, MANAGING_ROLES);
  const item = itemOf(current);
  const scope = await findItemScope(tx, access, item.kind, item.id, item.field);
  access.assertItemWrite(scope.unitId, scope.assigned);
  if (current.authorId !== access.userId) {
    throw new AppError('forbidden', { sv: 'Bara den som skrev uppföljningen eller en samordnare får ändra den.', en: 'Only its author or a coordinator may change a follow-up.' });
  }
}

async function updateFollowUp(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof followUpUpdate>, 'version'>) {
  const current = await findReadableFollowUp(tx, access, id);
  await assertMayChange(tx, access, current);
  if (changes.periodId !== undefined && changes.periodId !== current.periodId) {
    const item = itemOf(current);
    const { planId } = await findItemScope(tx, access, item.kind, item.id, item.field);
    await assertPeriodInPlan(tx, access.tenantId, changes.periodId, planId);
  }
  const { unitId, ...stored } = current;
  return updateAudited(tx, followUps, { current: stored, expectedVersion: version, values: changes, present: presentFollowUp }, { actor: access.actor, entityType: 'follow_up', unitId });
}

async function archiveFollowUp(tx: Transaction, access: Access, id: string, archived: boolean) {
  const current = await findReadableFollowUp(tx, access, id);
  await assertMayChange(tx, access, current);
  const { unitId, ...stored } = current;
  return setArchived(tx, followUps, stored, archived, { actor: access.actor, entityType: 'follow_up', unitId });
}

/** Uppföljningar per period of controls, actions and activities. */
export function followUpRoutes() {
  const router = createRouter();
  // Before the standard routes, so that "due" is not taken for a follow-up's id.
  router.openapi(
    createRoute({
      method: 'get',
      path: '/follow-ups/due',
      tags: ['Follow-ups'],
      summary: 'What needs its follow-up for a reporting period (derived from the calendar, the items’ dates and checkpoints, and the follow-ups written)',
      request: { query: dueFollowUpsQuery },
      responses: { 200: json(z.object({ items: z.array(dueFollowUp) }), 'Overdue first, then by end date'), ...problems('validation_failed') },
    }),
    async (c) => c.json({ items: await dueFollowUps(c.get('database').db, c.get('access'), c.req.valid('query')) }, 200),
  );
  addStandardRoutes(router, {
    path: '/follow-ups',
    tags: ['Follow-ups'],
    noun: 'follow-up',
    output: followUp,
    createInput: followUpCreate,
    updateInput: followUpUpdate,
    listQuery: followUpListQuery,
    present: presentFollowUp,
    list: listFollowUps,
    find: findReadableFollowUp,
    create: createFollowUp,
    update: updateFollowUp,
    archive: archiveFollowUp,
  });
  return router;
}
