import type { z } from 'zod';
import type { controlUpdate } from '../../../domain/contracts/controls.ts';
import type { Access } from '../../access/access.ts';
import type { Transaction } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { updateItem } from '../../plan-items/item-commands.ts';
import { controlSpec, findRisk } from './control-rules.ts';

export interface UpdateControlOptions {
  controlId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  changes: Omit<z.infer<typeof controlUpdate>, 'version'>;
}

/** Changes a kontroll; a new risk must be of the same plan. */
export async function updateControl(
  tx: Transaction,
  access: Access,
  { controlId, version, changes }: UpdateControlOptions,
) {
  return updateItem(tx, access, controlSpec, {
    itemId: controlId,
    version,
    changes,
    checkReferences: async (plan) => {
      if (changes.riskId !== undefined && (await findRisk(tx, access, changes.riskId)).planId !== plan.id) {
        throw new AppError('validation_failed', undefined, [
          {
            path: 'riskId',
            message: localize((m) => m.controls.riskOfAnotherPlan),
          },
        ]);
      }
    },
  });
}
