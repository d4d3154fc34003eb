import type { z } from 'zod';
import type { goalUpdate } from '../../../domain/contracts/goals.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { goals } from '../../db/schema/goals.ts';
import { findGoal } from './find-goal.ts';
import { presentGoal } from './present.ts';

export interface UpdateGoalOptions {
  goalId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. Unit and year never change. */
  changes: Omit<z.infer<typeof goalUpdate>, 'version'>;
}

/** Changes a goal (the unit's administrator or coordinator). Risks and actions link to it by id. */
export async function updateGoal(tx: Transaction, access: Access, { goalId, version, changes }: UpdateGoalOptions) {
  const current = await findGoal(tx, access, { goalId });
  access.assertRole(current.unitId, MANAGING_ROLES);
  return updateAudited(
    tx,
    goals,
    { current, expectedVersion: version, values: changes, present: presentGoal },
    { actor: access.actor, entityType: 'goal', unitId: current.unitId },
  );
}
