import { and, eq } from 'drizzle-orm';
import type { PlanRow } from '../../access/plan-scope.ts';
import type { Database } from '../../db/client.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** The risk a review is about, if any, is a risk of the review's plan. */
export async function checkRisk(db: Database, plan: PlanRow, riskId: string | null | undefined) {
  if (!riskId) return;
  const [risk] = await db
    .select({ id: risks.id })
    .from(risks)
    .where(and(eq(risks.tenantId, plan.tenantId), eq(risks.id, riskId), eq(risks.planId, plan.id)));
  if (!risk)
    throw new AppError('validation_failed', undefined, [
      { path: 'riskId', message: localize((m) => m.validation.notInPlan) },
    ]);
}
