import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import type { plans } from '../../db/schema/plans.ts';
import { AppError, type LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** A plan's last year is never before its first. */
export function assertYearsInOrder(startYear: number, endYear: number) {
  if (endYear < startYear) {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'endYear',
        message: localize((m) => m.plans.endYearBeforeStartYear),
      },
    ]);
  }
}

/**
 * A step of the plan's life cycle (utkast → beslutad → avslutad) taken from the wrong state,
 * refused with the reason in both languages, naming the plan's state.
 */
export function assertPlanState(
  plan: typeof plans.$inferSelect,
  expected: (typeof plans.$inferSelect)['state'],
  message: LocalizedText,
) {
  if (plan.state !== expected) throw new AppError('validation_failed', message, [{ path: 'state', message }]);
}

/** The body that decides a plan (a nämnd, or the unit itself) is a unit of the tenant. */
export async function assertDecisionUnitExists(tx: Transaction, access: Access, decisionUnitId: string) {
  const [unit] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, decisionUnitId)));
  if (!unit)
    throw new AppError('validation_failed', undefined, [
      { path: 'decisionUnitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
}
