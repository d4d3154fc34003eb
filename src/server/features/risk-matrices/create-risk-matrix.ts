import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { riskMatrixCreate } from '../../../domain/contracts/risk-matrices.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** The new matrix version: the year it is valid from and its levels. */
export type CreateRiskMatrixOptions = z.infer<typeof riskMatrixCreate>;

/** Adds a risk-matrix version (tenant administrator); one version per first year. */
export async function createRiskMatrix(tx: Transaction, access: Access, options: CreateRiskMatrixOptions) {
  access.assertTenantAdministrator();
  const [existing] = await tx
    .select({ id: riskMatrices.id })
    .from(riskMatrices)
    .where(and(eq(riskMatrices.tenantId, access.tenantId), eq(riskMatrices.validFromYear, options.validFromYear)));
  if (existing) {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'validFromYear',
        message: localize((m) => m.riskMatrices.versionFromYearExists),
      },
    ]);
  }
  return insertAudited(
    tx,
    riskMatrices,
    { ...options, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'risk_matrix', unitId: null },
  );
}
