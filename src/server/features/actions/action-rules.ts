import { and, eq } from 'drizzle-orm';
import { action } from '../../../domain/contracts/actions.ts';
import type { Access } from '../../access/access.ts';
import type { PlanRow } from '../../access/plan-scope.ts';
import type { Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { withGoalIds } from '../../goals/goal-links.ts';
import { localize } from '../../messages/messages.ts';
import { presentAs } from '../../http/present.ts';
import type { ItemSpec } from '../../plan-items/item-commands.ts';

export const presentAction = presentAs(action);

/** Åtgärder among the plan items: their table, the fields only managers change, how they are shown. */
export const actionSpec: ItemSpec = {
  kind: 'action',
  table: actions,
  managerOnlyFields: ['riskId', 'reviewId', 'responsibleUnitId', 'responsibleIds', 'reportingIds', 'sortOrder'],
  present: presentAction,
  decorate: (db, tenantId, rows) => withGoalIds(db, tenantId, 'action', rows),
};

/** The risk and the review an action points to must be of its own plan. */
export async function checkSamePlan(
  db: Database,
  plan: PlanRow,
  references: { riskId?: string | null | undefined; reviewId?: string | null | undefined },
) {
  const errors: FieldError[] = [];
  const notInPlan = localize((m) => m.validation.notInPlan);
  if (references.riskId) {
    const [risk] = await db
      .select({ id: risks.id })
      .from(risks)
      .where(and(eq(risks.tenantId, plan.tenantId), eq(risks.id, references.riskId), eq(risks.planId, plan.id)));
    if (!risk) errors.push({ path: 'riskId', message: notInPlan });
  }
  if (references.reviewId) {
    const [review] = await db
      .select({ id: reviews.id })
      .from(reviews)
      .where(
        and(eq(reviews.tenantId, plan.tenantId), eq(reviews.id, references.reviewId), eq(reviews.planId, plan.id)),
      );
    if (!review) errors.push({ path: 'reviewId', message: notInPlan });
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}

/**
 * The unit named as responsible must be one the caller may see: a unit outside their area is
 * answered exactly as a unit that does not exist (or is another municipality's), so that
 * nobody learns what exists outside their units. A value already stored stays acceptable.
 */
export async function checkResponsibleUnit(
  db: Database,
  access: Access,
  unitId: string | null | undefined,
  current?: string | null,
) {
  if (!unitId || unitId === current) return;
  const [unit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, unitId)));
  if (!unit || !access.canRead(unit.id))
    throw new AppError('validation_failed', undefined, [
      { path: 'responsibleUnitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
}
