import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { planOfYear, reachedUnitIds, writeCopy } from '../../common-controls/common-control-copies.ts';
import type { Transaction } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findCommonControl, findCommonControlRow } from './read-common-controls.ts';

export interface TakeOverOptions {
  commonControlId: string;
  unitId: string;
}

/**
 * A unit whose plan was adopted before the common control was defined, or before it last
 * changed, takes it in: the copy is added to (or brought up to date in) the unit's plan for the
 * year. The unit's administrator or coordinator decides this, as a change of an adopted plan.
 */
export async function takeOverCommonControl(
  tx: Transaction,
  access: Access,
  { commonControlId, unitId }: TakeOverOptions,
) {
  const origin = await findCommonControlRow(tx, access, commonControlId);
  if (!access.canRead(unitId) || !(await reachedUnitIds(tx, origin)).includes(unitId))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.commonControls.notReached) },
    ]);
  access.assertRole(unitId, MANAGING_ROLES);
  if (origin.archivedAt !== null) throw new AppError('not_found');
  const plan = await planOfYear(tx, access.tenantId, unitId, origin.year);
  if (!plan)
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.commonControls.noPlan(origin.year)) },
    ]);
  await writeCopy(tx, access.actor, origin, plan);
  return findCommonControl(tx, access, commonControlId);
}
