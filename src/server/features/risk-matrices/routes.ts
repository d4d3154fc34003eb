import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { riskMatrix, riskMatrixCreate, riskMatrixListQuery, riskMatrixUpdate } from '../../../domain/contracts/risk-matrices.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';

const presentRiskMatrix = presentAs(riskMatrix);

async function findRiskMatrix(db: Database, access: Access, id: string) {
  const [row] = await db.select().from(riskMatrices).where(and(eq(riskMatrices.tenantId, access.tenantId), eq(riskMatrices.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

async function listRiskMatrices(db: Database, access: Access, query: z.infer<typeof riskMatrixListQuery>) {
  const rows = await db
    .select({ matrix: riskMatrices, total: sql<number>`count(*) over ()` })
    .from(riskMatrices)
    .where(eq(riskMatrices.tenantId, access.tenantId))
    .orderBy(desc(riskMatrices.validFromYear))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.matrix), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}

async function createRiskMatrix(tx: Transaction, access: Access, input: z.infer<typeof riskMatrixCreate>) {
  access.assertTenantAdministrator();
  const [existing] = await tx.select({ id: riskMatrices.id }).from(riskMatrices).where(and(eq(riskMatrices.tenantId, access.tenantId), eq(riskMatrices.validFromYear, input.validFromYear)));
  if (existing) {
    throw new AppError('validation_failed', undefined, [{ path: 'validFromYear', message: { sv: 'Det finns redan en version från det året.', en: 'There is already a version from that year.' } }]);
  }
  return insertAudited(tx, riskMatrices, { ...input, tenantId: access.tenantId }, { actor: access.actor, entityType: 'risk_matrix', unitId: null });
}

/**
 * Changes a matrix version. It may not shrink below a level that a risk assessed with it
 * already uses: that risk would fall off the matrix.
 */
async function updateRiskMatrix(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof riskMatrixUpdate>, 'version'>) {
  const current = await findRiskMatrix(tx, access, id);
  access.assertTenantAdministrator();
  const [used] = await tx
    .select({ likelihood: sql<number | null>`max(${risks.likelihood})`, consequence: sql<number | null>`max(${risks.consequence})` })
    .from(risks)
    .innerJoin(plans, and(eq(plans.tenantId, risks.tenantId), eq(plans.id, risks.planId)))
    .where(and(eq(risks.tenantId, access.tenantId), eq(plans.riskMatrixId, id)));
  const errors = [];
  if (used?.likelihood && changes.likelihoodLevels.length < used.likelihood) {
    errors.push({ path: 'likelihoodLevels', message: { sv: `Risker bedöms redan med sannolikhet ${used.likelihood}.`, en: `Risks are already assessed with likelihood ${used.likelihood}.` } });
  }
  if (used?.consequence && changes.consequenceLevels.length < used.consequence) {
    errors.push({ path: 'consequenceLevels', message: { sv: `Risker bedöms redan med konsekvens ${used.consequence}.`, en: `Risks are already assessed with consequence ${used.consequence}.` } });
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
  return updateAudited(tx, riskMatrices, { current, expectedVersion: version, values: changes, present: presentRiskMatrix }, { actor: access.actor, entityType: 'risk_matrix', unitId: null });
}

/** The tenant's risk-matrix versions: everyone reads them, the tenant administrator edits them. */
export function riskMatrixRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/risk-matrices',
    tags: ['Administration'],
    noun: 'risk matrix',
    output: riskMatrix,
    createInput: riskMatrixCreate,
    updateInput: riskMatrixUpdate,
    listQuery: riskMatrixListQuery,
    present: presentRiskMatrix,
    list: listRiskMatrices,
    find: findRiskMatrix,
    create: createRiskMatrix,
    update: updateRiskMatrix,
  });
  return router;
}
