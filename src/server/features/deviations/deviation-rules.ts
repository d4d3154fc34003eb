import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { plans } from '../../db/schema/plans.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

const notInPlan = localize((m) => m.validation.notInPlan);

/** Deviations joined to their control's plan. */
export function selectWithUnit(db: Database) {
  return db
    .select({ deviation: deviations, unitId: plans.unitId, planId: plans.id, total: sql<number>`count(*) over ()` })
    .from(deviations)
    .innerJoin(controls, and(eq(controls.tenantId, deviations.tenantId), eq(controls.id, deviations.controlId)))
    .innerJoin(plans, and(eq(plans.tenantId, controls.tenantId), eq(plans.id, controls.planId)));
}

/** The follow-up must be of the same control and the action of the same plan. */
export async function checkReferences(
  db: Database,
  tenantId: string,
  controlId: string,
  planId: string,
  values: { followUpId?: string | null | undefined; actionId?: string | null | undefined },
) {
  const errors: FieldError[] = [];
  if (values.followUpId) {
    const [found] = await db
      .select({ id: followUps.id })
      .from(followUps)
      .where(
        and(eq(followUps.tenantId, tenantId), eq(followUps.id, values.followUpId), eq(followUps.controlId, controlId)),
      );
    if (!found)
      errors.push({
        path: 'followUpId',
        message: localize((m) => m.deviations.notAFollowUpOfControl),
      });
  }
  if (values.actionId) {
    const [found] = await db
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.tenantId, tenantId), eq(actions.id, values.actionId), eq(actions.planId, planId)));
    if (!found) errors.push({ path: 'actionId', message: notInPlan });
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}
