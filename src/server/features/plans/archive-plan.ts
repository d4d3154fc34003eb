import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';

export interface ArchivePlanOptions {
  planId: string;
  /** True archives the plan (it leaves the lists, nothing is deleted); false restores it. */
  archived: boolean;
}

/** Archives or restores a plan: for the unit's managers. */
export async function archivePlan(tx: Transaction, access: Access, { planId, archived }: ArchivePlanOptions) {
  const current = await findReadablePlan(tx, access, planId);
  access.assertMayArchive(current.unitId);
  return setArchived(tx, plans, current, archived, { actor: access.actor, entityType: 'plan', unitId: current.unitId });
}
