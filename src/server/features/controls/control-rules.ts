import { and, eq } from 'drizzle-orm';
import { control } from '../../../domain/contracts/controls.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import type { Database } from '../../db/client.ts';
import { controls } from '../../db/schema/controls.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { presentAs } from '../../http/present.ts';
import type { ItemSpec } from '../../plan-items/item-commands.ts';

export const presentControl = presentAs(control);

/** Kontroller among the plan items: their table, the fields only managers change, how they are shown. */
export const controlSpec: ItemSpec = {
  kind: 'control',
  table: controls,
  managerOnlyFields: ['riskId', 'responsibleIds', 'reportingIds', 'sortOrder'],
  present: presentControl,
};

/** The risk a control is for: readable, and the plan follows from it. */
export async function findRisk(db: Database, access: Access, riskId: string) {
  const [risk] = await db
    .select({ planId: risks.planId })
    .from(risks)
    .where(and(eq(risks.tenantId, access.tenantId), eq(risks.id, riskId)));
  if (!risk)
    throw new AppError('validation_failed', undefined, [
      { path: 'riskId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  return { planId: risk.planId, plan: await findReadablePlan(db, access, risk.planId, 'riskId') };
}
