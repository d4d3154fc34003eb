import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { plans } from '../db/schema/plans.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import type { Access } from './access.ts';

export type PlanRow = typeof plans.$inferSelect;

/**
 * A plan of the caller's tenant that they may read; otherwise not found. Everything in a plan
 * (risks, controls, actions, activities, reviews, follow-ups) belongs to the plan's unit.
 */
export async function findReadablePlan(db: Database, access: Access, planId: string, field?: string): Promise<PlanRow> {
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, access.tenantId), eq(plans.id, planId)));
  if (!plan || !access.canRead(plan.unitId)) {
    if (field)
      throw new AppError('validation_failed', undefined, [
        { path: field, message: localize((m) => m.validation.doesNotExist) },
      ]);
    throw new AppError('not_found');
  }
  return plan;
}
