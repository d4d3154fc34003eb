import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { action, actionCreate, actionListQuery, actionUpdate } from '../../../domain/contracts/actions.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan, type PlanRow } from '../../access/plan-scope.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveItem, createItem, findReadableItem, listItems, updateItem, type ItemSpec } from '../../plan-items/item-commands.ts';

const presentAction = presentAs(action);

const spec: ItemSpec = {
  kind: 'action',
  table: actions,
  managerOnlyFields: ['riskId', 'reviewId', 'responsibleUnitId', 'responsibleIds', 'reportingIds', 'sortOrder'],
  present: presentAction,
};

/** The risk and the review an action points to must be of its own plan. */
async function checkSamePlan(db: Database, plan: PlanRow, references: { riskId?: string | null | undefined; reviewId?: string | null | undefined }) {
  const errors: FieldError[] = [];
  const notInPlan = { sv: 'Finns inte i planen.', en: 'Not in the plan.' };
  if (references.riskId) {
    const [risk] = await db.select({ id: risks.id }).from(risks).where(and(eq(risks.tenantId, plan.tenantId), eq(risks.id, references.riskId), eq(risks.planId, plan.id)));
    if (!risk) errors.push({ path: 'riskId', message: notInPlan });
  }
  if (references.reviewId) {
    const [review] = await db.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.tenantId, plan.tenantId), eq(reviews.id, references.reviewId), eq(reviews.planId, plan.id)));
    if (!review) errors.push({ path: 'reviewId', message: notInPlan });
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}

/**
 * The unit named as responsible must be one the caller may see: a unit outside their area is
 * answered exactly as a unit that does not exist (or is another municipality's), so that
 * nobody learns what exists outside their units. A value already stored stays acceptable.
 */
async function checkResponsibleUnit(db: Database, access: Access, unitId: string | null | undefined, current?: string | null) {
  if (!unitId || unitId === current) return;
  const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, unitId)));
  if (!unit || !access.canRead(unit.id)) throw new AppError('validation_failed', undefined, [{ path: 'responsibleUnitId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
}

async function createAction(tx: Transaction, access: Access, input: z.infer<typeof actionCreate>) {
  const plan = await findReadablePlan(tx, access, input.planId, 'planId');
  await checkSamePlan(tx, plan, input);
  await checkResponsibleUnit(tx, access, input.responsibleUnitId);
  const { planId, ...values } = input;
  void planId;
  return createItem(tx, access, spec, plan, values);
}

async function updateAction(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof actionUpdate>, 'version'>) {
  return updateItem(tx, access, spec, id, version, changes, async (plan) => {
    await checkSamePlan(tx, plan, changes);
    if (changes.responsibleUnitId) {
      const [current] = await tx.select({ responsibleUnitId: actions.responsibleUnitId }).from(actions).where(and(eq(actions.tenantId, access.tenantId), eq(actions.id, id)));
      await checkResponsibleUnit(tx, access, changes.responsibleUnitId, current?.responsibleUnitId);
    }
  });
}

/** Åtgärder: list with filters, one, create, change, archive. */
export function actionRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/actions',
    tags: ['Actions'],
    noun: 'action',
    output: action,
    createInput: actionCreate,
    updateInput: actionUpdate,
    listQuery: actionListQuery,
    present: presentAction,
    list: (db, access, query) =>
      listItems(db, access, spec, query, [...(query.riskId ? [eq(actions.riskId, query.riskId)] : []), ...(query.reviewId ? [eq(actions.reviewId, query.reviewId)] : [])]),
    find: (db, access, id) => findReadableItem(db, access, spec, id),
    create: createAction,
    update: updateAction,
    archive: (tx, access, id, archived) => archiveItem(tx, access, spec, id, archived),
  });
  return router;
}
