import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';

export type RiskRow = typeof risks.$inferSelect & { unitId: string };

export interface FindReadableRiskOptions {
  riskId: string;
}

/** A risk the caller may read, with its plan's unit; otherwise not found. */
export async function findReadableRisk(
  db: Database,
  access: Access,
  { riskId }: FindReadableRiskOptions,
): Promise<RiskRow> {
  const [row] = await db
    .select({ risk: risks, unitId: plans.unitId })
    .from(risks)
    .innerJoin(plans, and(eq(plans.tenantId, risks.tenantId), eq(plans.id, risks.planId)))
    .where(and(eq(risks.tenantId, access.tenantId), eq(risks.id, riskId)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.risk, unitId: row.unitId };
}
