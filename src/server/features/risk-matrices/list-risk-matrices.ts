import { desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { riskMatrixListQuery } from '../../../domain/contracts/risk-matrices.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';

/** A page of the tenant's risk-matrix versions, the newest first year first. */
export async function listRiskMatrices(db: Database, access: Access, query: z.infer<typeof riskMatrixListQuery>) {
  const rows = await db
    .select({ matrix: riskMatrices, total: sql<number>`count(*) over ()` })
    .from(riskMatrices)
    .where(eq(riskMatrices.tenantId, access.tenantId))
    .orderBy(desc(riskMatrices.validFromYear))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.matrix), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
