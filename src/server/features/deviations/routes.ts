import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { deviation, deviationCreate, deviationListQuery, deviationUpdate } from '../../../domain/contracts/deviations.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import { insertAudited, setArchived, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { assignments } from '../../db/schema/assignments.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { plans } from '../../db/schema/plans.ts';
import { users } from '../../db/schema/users.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';
import { notifyDeviation } from './notify-deviation.ts';

const presentDeviation = presentAs(deviation);
const notInPlan = { sv: 'Finns inte i planen.', en: 'Not in the plan.' };

/** Deviations joined to their control's plan. */
function selectWithUnit(db: Database) {
  return db
    .select({ deviation: deviations, unitId: plans.unitId, planId: plans.id, total: sql<number>`count(*) over ()` })
    .from(deviations)
    .innerJoin(controls, and(eq(controls.tenantId, deviations.tenantId), eq(controls.id, deviations.controlId)))
    .innerJoin(plans, and(eq(plans.tenantId, controls.tenantId), eq(plans.id, controls.planId)));
}

async function findReadableDeviation(db: Database, access: Access, id: string) {
  const [row] = await selectWithUnit(db).where(and(eq(deviations.tenantId, access.tenantId), eq(deviations.id, id)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.deviation, unitId: row.unitId, planId: row.planId };
}

async function listDeviations(db: Database, access: Access, query: z.infer<typeof deviationListQuery>) {
  if (query.planId) await findReadablePlan(db, access, query.planId);
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(deviations.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.controlId) where.push(eq(deviations.controlId, query.controlId));
  if (query.planId) where.push(eq(plans.id, query.planId));
  if (query.state) where.push(eq(deviations.state, query.state));
  if (query.severity) where.push(eq(deviations.severity, query.severity));
  if (query.from) where.push(gte(deviations.foundOn, query.from));
  if (query.to) where.push(lte(deviations.foundOn, query.to));
  if (!query.includeArchived) where.push(isNull(deviations.archivedAt));
  const rows = await selectWithUnit(db)
    .where(and(...where))
    .orderBy(...orderBy(query.sort, { foundOn: deviations.foundOn, title: deviations.title }, '-foundOn', deviations.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.deviation), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}

/** The follow-up must be of the same control and the action of the same plan. */
async function checkReferences(db: Database, tenantId: string, controlId: string, planId: string, values: { followUpId?: string | null | undefined; actionId?: string | null | undefined }) {
  const errors: FieldError[] = [];
  if (values.followUpId) {
    const [found] = await db.select({ id: followUps.id }).from(followUps).where(and(eq(followUps.tenantId, tenantId), eq(followUps.id, values.followUpId), eq(followUps.controlId, controlId)));
    if (!found) errors.push({ path: 'followUpId', message: { sv: 'Finns inte för kontrollen.', en: 'Not a follow-up of the control.' } });
  }
  if (values.actionId) {
    const [found] = await db.select({ id: actions.id }).from(actions).where(and(eq(actions.tenantId, tenantId), eq(actions.id, values.actionId), eq(actions.planId, planId)));
    if (!found) errors.push({ path: 'actionId', message: notInPlan });
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}

/**
 * A deviation is closed only when an action answers it, with a person responsible for it and
 * a date by when it is done: otherwise nothing guarantees that the fault is put right.
 */
async function assertMayClose(db: Database, tenantId: string, actionId: string | null) {
  const refuse = () =>
    new AppError('validation_failed', undefined, [
      {
        path: 'state',
        message: {
          sv: 'En avvikelse kan stängas först när en åtgärd med ansvarig person och slutdatum svarar mot den.',
          en: 'A deviation can be closed only when an action with a responsible person and an end date answers it.',
        },
      },
    ]);
  if (!actionId) throw refuse();
  const [action] = await db.select({ endDate: actions.endDate }).from(actions).where(and(eq(actions.tenantId, tenantId), eq(actions.id, actionId)));
  const [responsible] = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.tenantId, tenantId), eq(assignments.actionId, actionId), eq(assignments.role, 'responsible')))
    .limit(1);
  if (!action?.endDate || !responsible) throw refuse();
}

/** Records a deviation found by a control; those who answer for the control (or coordinate) may. */
async function createDeviation(tx: Transaction, access: Access, input: z.infer<typeof deviationCreate>) {
  const scope = await findItemScope(tx, access, 'control', input.controlId, 'controlId');
  access.assertItemWrite(scope.unitId, scope.assigned);
  await checkReferences(tx, access.tenantId, input.controlId, scope.planId, input);
  const row = await insertAudited(
    tx,
    deviations,
    { ...input, foundOn: input.foundOn ?? access.today, foundById: input.foundById === undefined ? access.userId : input.foundById, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'deviation', unitId: scope.unitId },
  );
  const deviation = row as unknown as typeof deviations.$inferSelect;
  const [finder] = deviation.foundById ? await tx.select({ name: users.name }).from(users).where(and(eq(users.tenantId, access.tenantId), eq(users.id, deviation.foundById))) : [];
  await notifyDeviation(tx, deviation, finder?.name ?? null);
  return row;
}

async function updateDeviation(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof deviationUpdate>, 'version'>) {
  const { unitId, planId, ...current } = await findReadableDeviation(tx, access, id);
  const scope = await findItemScope(tx, access, 'control', current.controlId, 'controlId');
  access.assertItemWrite(unitId, scope.assigned);
  await checkReferences(tx, access.tenantId, current.controlId, planId, changes);
  const values: Record<string, unknown> = { ...changes };
  if (changes.state === 'closed' && current.state !== 'closed') {
    await assertMayClose(tx, access.tenantId, changes.actionId === undefined ? current.actionId : changes.actionId);
    values.closedAt = access.clock.now();
  } else if (changes.state === 'open' && current.state === 'closed') {
    values.closedAt = null;
  }
  return updateAudited(tx, deviations, { current, expectedVersion: version, values, present: presentDeviation }, { actor: access.actor, entityType: 'deviation', unitId });
}

async function archiveDeviation(tx: Transaction, access: Access, id: string, archived: boolean) {
  const { unitId, planId, ...current } = await findReadableDeviation(tx, access, id);
  void planId;
  access.assertMayArchive(unitId);
  return setArchived(tx, deviations, current, archived, { actor: access.actor, entityType: 'deviation', unitId });
}

/** Avvikelser found by controls: list by unit, plan, state, severity and time; record; change; close; archive. */
export function deviationRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/deviations',
    tags: ['Deviations'],
    noun: 'deviation',
    output: deviation,
    createInput: deviationCreate,
    updateInput: deviationUpdate,
    listQuery: deviationListQuery,
    present: presentDeviation,
    list: listDeviations,
    find: findReadableDeviation,
    create: createDeviation,
    update: updateDeviation,
    archive: archiveDeviation,
  });
  return router;
}
