import type { z } from 'zod';
import type { unitFunctionUpdate } from '../../../domain/contracts/unit-functions.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { setArchived, updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { unitFunctions } from '../../db/schema/unit-functions.ts';
import { presentUnitFunction } from './present.ts';
import { findUnitFunction, showUnitFunction } from './unit-function-rules.ts';

export interface UpdateUnitFunctionOptions {
  functionId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  changes: Omit<z.infer<typeof unitFunctionUpdate>, 'version'>;
}

/** Renames a function or marks it as the unit's chef (an administrator or coordinator of the unit). */
export async function updateUnitFunction(
  tx: Transaction,
  access: Access,
  { functionId, version, changes }: UpdateUnitFunctionOptions,
) {
  const current = await findUnitFunction(tx, access, functionId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  const shownBefore = await showUnitFunction(tx, access, current);
  const row = await updateAudited(
    tx,
    unitFunctions,
    { current, expectedVersion: version, values: changes, present: () => presentUnitFunction(shownBefore) },
    { actor: access.actor, entityType: 'unit_function', unitId: current.unitId },
  );
  return showUnitFunction(tx, access, row as typeof unitFunctions.$inferSelect);
}

/** Archives a function (controls that name it keep showing it) or restores it: the unit's managers. */
export async function archiveUnitFunction(tx: Transaction, access: Access, functionId: string, archived: boolean) {
  const current = await findUnitFunction(tx, access, functionId);
  access.assertMayArchive(current.unitId);
  const row = await setArchived(tx, unitFunctions, current, archived, {
    actor: access.actor,
    entityType: 'unit_function',
    unitId: current.unitId,
  });
  return showUnitFunction(tx, access, row as typeof unitFunctions.$inferSelect);
}
