import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { deviationUpdate } from '../../../domain/contracts/deviations.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { assignments } from '../../db/schema/assignments.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';
import { checkReferences } from './deviation-rules.ts';
import { findReadableDeviation } from './find-readable-deviation.ts';
import { presentDeviation } from './present.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { withSeverityRefs } from '../../deviations/severity-refs.ts';
import { assertVocabularyEntry, vocabularyRefs } from '../../vocabulary/vocabulary-refs.ts';

export interface UpdateDeviationOptions {
  deviationId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change (a state of closed closes it, open reopens it); those left out stay as they are. */
  changes: Omit<z.infer<typeof deviationUpdate>, 'version'>;
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
        message: localize((m) => m.deviations.closeNeedsAction),
      },
    ]);
  if (!actionId) throw refuse();
  const [action] = await db
    .select({ endDate: actions.endDate })
    .from(actions)
    .where(and(eq(actions.tenantId, tenantId), eq(actions.id, actionId)));
  const [responsible] = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(eq(assignments.tenantId, tenantId), eq(assignments.actionId, actionId), eq(assignments.role, 'responsible')),
    )
    .limit(1);
  if (!action?.endDate || !responsible) throw refuse();
}

/**
 * Changes a deviation, closes it (when an action with a responsible person and an end date
 * answers it) or reopens it: those who answer for the control (or coordinate).
 */
export async function updateDeviation(
  tx: Transaction,
  access: Access,
  { deviationId, version, changes }: UpdateDeviationOptions,
) {
  const { unitId, planId, ...current } = await findReadableDeviation(tx, access, { deviationId });
  const scope = await findItemScope(tx, access, 'control', current.controlId, 'controlId');
  access.assertItemWrite(unitId, scope.assigned);
  await checkReferences(tx, access.tenantId, current.controlId, planId, changes);
  await assertVocabularyEntry(tx, access.tenantId, {
    kind: 'deviation_severity',
    entryId: changes.severityId,
    year: (await findReadablePlan(tx, access, planId)).startYear,
    path: 'severityId',
    current: current.severityId,
  });
  const refs = await vocabularyRefs(tx, access.tenantId, [current.severityId]);
  const values: Record<string, unknown> = { ...changes };
  if (changes.state === 'closed' && current.state !== 'closed') {
    await assertMayClose(tx, access.tenantId, changes.actionId === undefined ? current.actionId : changes.actionId);
    values.closedAt = access.clock.now();
  } else if (changes.state === 'open' && current.state === 'closed') {
    values.closedAt = null;
  }
  const row = await updateAudited(
    tx,
    deviations,
    {
      current,
      expectedVersion: version,
      values,
      present: (stored) => presentDeviation({ ...stored, severity: refs.get(stored.severityId as string) }),
    },
    { actor: access.actor, entityType: 'deviation', unitId },
  );
  return (await withSeverityRefs(tx, access.tenantId, [row as typeof deviations.$inferSelect]))[0]!;
}
