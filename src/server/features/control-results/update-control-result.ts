import type { z } from 'zod';
import type { controlResultUpdate } from '../../../domain/contracts/control-results.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';
import {
  assertNoOpenDeviations,
  assertOutcomeFits,
  countDeviations,
  withDeviationIds,
} from './control-result-rules.ts';
import { textOrNull } from './create-control-result.ts';
import { findReadableControlResult } from './find-readable-control-result.ts';
import { presentControlResult } from './present.ts';
import { assertSeverities, recordFoundDeviations } from './record-found-deviations.ts';

export interface UpdateControlResultOptions {
  resultId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change and further deviations found; those left out stay as they are. */
  changes: Omit<z.infer<typeof controlResultUpdate>, 'version'>;
}

/**
 * Changes a result: those who answer for the control (or coordinate). The outcome leaves "med
 * avvikelse" only when none of its deviations is still open; leaving "ej genomförd" clears the
 * reason. Further deviations given are recorded in the same transaction and count as a change
 * of the result.
 */
export async function updateControlResult(
  tx: Transaction,
  access: Access,
  { resultId, version, changes }: UpdateControlResultOptions,
) {
  const stored = await findReadableControlResult(tx, access, { resultId });
  const { unitId } = stored;
  const scope = await findItemScope(tx, access, 'control', stored.controlId, 'controlId');
  access.assertItemWrite(unitId, scope.assigned);
  const [current] = await withDeviationIds(tx, access.tenantId, [stored]);
  const { deviations: found = [], ...fields } = changes;
  const outcome = fields.outcome ?? stored.outcome;
  const reason =
    fields.reason !== undefined
      ? textOrNull(fields.reason)
      : outcome !== 'not_performed' && stored.outcome === 'not_performed'
        ? null
        : stored.reason;
  const counts = await countDeviations(tx, access.tenantId, stored.id);
  if (stored.outcome === 'with_deviation' && outcome !== 'with_deviation') assertNoOpenDeviations(counts.open);
  assertOutcomeFits({ outcome, reason, newDeviations: found.length, recordedDeviations: counts.recorded });
  await assertSeverities(tx, access.tenantId, found, stored.planYear);
  const values = {
    outcome: fields.outcome,
    performedOn: fields.performedOn,
    reason: reason === stored.reason ? undefined : reason,
    comment: fields.comment === undefined ? undefined : textOrNull(fields.comment),
  };
  const row = await updateAudited(
    tx,
    controlResults,
    {
      current: current!,
      expectedVersion: version,
      values,
      present: presentControlResult,
      writeAlongside:
        found.length === 0
          ? undefined
          : async () => {
              const performedOn = fields.performedOn === undefined ? stored.performedOn : fields.performedOn;
              const ids = await recordFoundDeviations(tx, access, {
                found,
                result: { id: stored.id, controlId: stored.controlId, performedOn },
                unitId,
              });
              return { deviationIds: [current!.deviationIds, [...current!.deviationIds, ...ids]] };
            },
    },
    { actor: access.actor, entityType: 'control_result', unitId },
  );
  const [shown] = await withDeviationIds(tx, access.tenantId, [{ ...stored, ...row }]);
  return shown!;
}
