import { and, eq, isNull } from 'drizzle-orm';
import { deviation as deviationContract } from '../../domain/contracts/deviations.ts';
import type { Access } from '../access/access.ts';
import { updateAudited } from '../audit/audited-writes.ts';
import type { Transaction } from '../db/client.ts';
import { actions } from '../db/schema/actions.ts';
import { controls } from '../db/schema/controls.ts';
import { deviations } from '../db/schema/deviations.ts';
import { plans } from '../db/schema/plans.ts';
import { AppError } from '../errors.ts';
import { presentAs } from '../http/present.ts';
import { localize } from '../messages/messages.ts';
import { findItemScope } from '../plan-items/item-commands.ts';
import { vocabularyRefs } from '../vocabulary/vocabulary-refs.ts';

const presentDeviation = presentAs(deviationContract);

/**
 * Makes a new action the one that answers a deviation (Skapa åtgärd from the deviation), in the
 * transaction that creates the action: the deviation must be readable, not archived, of the
 * action's plan and not answered already by an action that is not archived, and the caller must
 * be one who may change it (as for editing the deviation). Refusals name `deviationId`.
 */
export async function linkAnsweringAction(
  tx: Transaction,
  access: Access,
  { deviationId, actionId, planId }: { deviationId: string; actionId: string; planId: string },
): Promise<void> {
  const refuse = (message: Parameters<typeof localize>[0]) =>
    new AppError('validation_failed', undefined, [{ path: 'deviationId', message: localize(message) }]);
  const [found] = await tx
    .select({ deviation: deviations, unitId: plans.unitId, planId: plans.id })
    .from(deviations)
    .innerJoin(controls, and(eq(controls.tenantId, deviations.tenantId), eq(controls.id, deviations.controlId)))
    .innerJoin(plans, and(eq(plans.tenantId, controls.tenantId), eq(plans.id, controls.planId)))
    .where(
      and(eq(deviations.tenantId, access.tenantId), eq(deviations.id, deviationId), isNull(deviations.archivedAt)),
    );
  if (!found || !access.canRead(found.unitId)) throw refuse((m) => m.validation.doesNotExist);
  if (found.planId !== planId) throw refuse((m) => m.deviations.notOfPlan);
  const scope = await findItemScope(tx, access, 'control', found.deviation.controlId, 'deviationId');
  access.assertItemWrite(scope.unitId, scope.assigned);
  if (found.deviation.actionId !== null) {
    const [answering] = await tx
      .select({ id: actions.id })
      .from(actions)
      .where(
        and(
          eq(actions.tenantId, access.tenantId),
          eq(actions.id, found.deviation.actionId),
          isNull(actions.archivedAt),
        ),
      );
    if (answering) throw refuse((m) => m.deviations.alreadyAnswered);
  }
  const current = found.deviation;
  // What a 409 shows when another change to the deviation came first.
  const refs = await vocabularyRefs(tx, access.tenantId, [current.severityId]);
  await updateAudited(
    tx,
    deviations,
    {
      current,
      expectedVersion: current.version,
      values: { actionId },
      present: (stored) => presentDeviation({ ...stored, severity: refs.get(stored.severityId as string) }),
    },
    { actor: access.actor, entityType: 'deviation', unitId: found.unitId },
  );
}
