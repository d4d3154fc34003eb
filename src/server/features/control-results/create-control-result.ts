import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { controlResultCreate } from '../../../domain/contracts/control-results.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { plans } from '../../db/schema/plans.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';
import { assertNoCurrentResult, assertOutcomeFits, assertPeriodInPlan } from './control-result-rules.ts';
import { assertSeverities, recordFoundDeviations } from './record-found-deviations.ts';

/** What a new result is: the request's fields (the control, the period, the outcome, the deviations found …). */
export type CreateControlResultOptions = z.infer<typeof controlResultCreate>;

/** A blank text is no text. */
export function textOrNull(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * Records how a control was carried out in a reporting period, by someone who answers for the
 * control (or coordinates): one current result per control and period. A result "med
 * avvikelse" records its deviations in the same transaction; nothing is written if any of
 * them is refused.
 */
export async function createControlResult(tx: Transaction, access: Access, options: CreateControlResultOptions) {
  const scope = await findItemScope(tx, access, 'control', options.controlId, 'controlId');
  access.assertItemWrite(scope.unitId, scope.assigned);
  const [plan] = await tx
    .select({ startYear: plans.startYear, endYear: plans.endYear })
    .from(plans)
    .where(and(eq(plans.tenantId, access.tenantId), eq(plans.id, scope.planId)));
  await assertPeriodInPlan(tx, access.tenantId, options.periodId, plan!);
  const found = options.deviations ?? [];
  assertOutcomeFits({
    outcome: options.outcome,
    reason: options.reason,
    newDeviations: found.length,
    recordedDeviations: 0,
  });
  await assertSeverities(tx, access.tenantId, found, plan!.startYear);
  await assertNoCurrentResult(tx, access.tenantId, { controlId: options.controlId, periodId: options.periodId });
  const row = await insertAudited(
    tx,
    controlResults,
    {
      tenantId: access.tenantId,
      controlId: options.controlId,
      periodId: options.periodId,
      outcome: options.outcome,
      performedOn: options.performedOn ?? null,
      reason: textOrNull(options.reason),
      comment: textOrNull(options.comment),
      recordedById: access.userId,
    },
    { actor: access.actor, entityType: 'control_result', unitId: scope.unitId },
  );
  const result = row as typeof controlResults.$inferSelect;
  const deviationIds = await recordFoundDeviations(tx, access, { found, result, unitId: scope.unitId });
  return { ...result, deviationIds };
}
