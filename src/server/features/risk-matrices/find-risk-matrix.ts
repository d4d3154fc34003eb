import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { AppError } from '../../errors.ts';

export interface FindRiskMatrixOptions {
  riskMatrixId: string;
}

/** A risk-matrix version of the caller's tenant; otherwise not found. */
export async function findRiskMatrix(db: Database, access: Access, { riskMatrixId }: FindRiskMatrixOptions) {
  const [row] = await db
    .select()
    .from(riskMatrices)
    .where(and(eq(riskMatrices.tenantId, access.tenantId), eq(riskMatrices.id, riskMatrixId)));
  if (!row) throw new AppError('not_found');
  return row;
}
