import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { control, controlCreate, controlListQuery, controlUpdate } from '../../../domain/contracts/controls.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { controls } from '../../db/schema/controls.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveItem, createItem, findReadableItem, listItems, updateItem, type ItemSpec } from '../../plan-items/item-commands.ts';

const presentControl = presentAs(control);

const spec: ItemSpec = {
  kind: 'control',
  table: controls,
  managerOnlyFields: ['riskId', 'responsibleIds', 'reportingIds', 'sortOrder'],
  present: presentControl,
};

/** The risk a control is for: readable, and the plan follows from it. */
async function findRisk(db: Database, access: Access, riskId: string) {
  const [risk] = await db.select({ planId: risks.planId }).from(risks).where(and(eq(risks.tenantId, access.tenantId), eq(risks.id, riskId)));
  if (!risk) throw new AppError('validation_failed', undefined, [{ path: 'riskId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
  return { planId: risk.planId, plan: await findReadablePlan(db, access, risk.planId, 'riskId') };
}

async function createControl(tx: Transaction, access: Access, input: z.infer<typeof controlCreate>) {
  const { plan } = await findRisk(tx, access, input.riskId);
  return createItem(tx, access, spec, plan, input);
}

async function updateControl(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof controlUpdate>, 'version'>) {
  return updateItem(tx, access, spec, id, version, changes, async (plan) => {
    if (changes.riskId !== undefined && (await findRisk(tx, access, changes.riskId)).planId !== plan.id) {
      throw new AppError('validation_failed', undefined, [{ path: 'riskId', message: { sv: 'Risken hör till en annan plan.', en: 'The risk belongs to another plan.' } }]);
    }
  });
}

/** Kontroller (kontrollmoment) of risks: list with filters, one, create, change, archive. */
export function controlRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/controls',
    tags: ['Controls'],
    noun: 'control',
    output: control,
    createInput: controlCreate,
    updateInput: controlUpdate,
    listQuery: controlListQuery,
    present: presentControl,
    list: (db, access, query) => listItems(db, access, spec, query, query.riskId ? [eq(controls.riskId, query.riskId)] : []),
    find: (db, access, id) => findReadableItem(db, access, spec, id),
    create: createControl,
    update: updateControl,
    archive: (tx, access, id, archived) => archiveItem(tx, access, spec, id, archived),
  });
  return router;
}
