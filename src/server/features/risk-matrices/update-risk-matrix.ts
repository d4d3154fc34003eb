import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { riskMatrixUpdate } from '../../../domain/contracts/risk-matrices.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findRiskMatrix } from './find-risk-matrix.ts';
import { presentRiskMatrix } from './present.ts';

export interface UpdateRiskMatrixOptions {
  riskMatrixId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The whole configuration (levels and bands), which replaces the one there is. */
  changes: Omit<z.infer<typeof riskMatrixUpdate>, 'version'>;
}

/**
 * Changes a matrix version. It may not shrink below a level that a risk assessed with it
 * already uses: that risk would fall off the matrix.
 */
export async function updateRiskMatrix(
  tx: Transaction,
  access: Access,
  { riskMatrixId, version, changes }: UpdateRiskMatrixOptions,
) {
  const current = await findRiskMatrix(tx, access, { riskMatrixId });
  access.assertTenantAdministrator();
  const [used] = await tx
    .select({
      likelihood: sql<number | null>`max(${risks.likelihood})`,
      consequence: sql<number | null>`max(${risks.consequence})`,
    })
    .from(risks)
    .innerJoin(plans, and(eq(plans.tenantId, risks.tenantId), eq(plans.id, risks.planId)))
    .where(and(eq(risks.tenantId, access.tenantId), eq(plans.riskMatrixId, riskMatrixId)));
  const errors = [];
  if (used?.likelihood && changes.likelihoodLevels.length < used.likelihood) {
    errors.push({
      path: 'likelihoodLevels',
      message: localize((m) => m.riskMatrices.likelihoodInUse(used.likelihood!)),
    });
  }
  if (used?.consequence && changes.consequenceLevels.length < used.consequence) {
    errors.push({
      path: 'consequenceLevels',
      message: localize((m) => m.riskMatrices.consequenceInUse(used.consequence!)),
    });
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
  return updateAudited(
    tx,
    riskMatrices,
    { current, expectedVersion: version, values: changes, present: presentRiskMatrix },
    { actor: access.actor, entityType: 'risk_matrix', unitId: null },
  );
}
