import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { riskListQuery } from '../../../domain/contracts/risks.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { risks } from '../../db/schema/risks.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { withVocabularyRefs } from './present.ts';

/** A page of the risks the caller reads, by plan, unit subtree, year and least riskvärde. */
export async function listRisks(db: Database, access: Access, query: z.infer<typeof riskListQuery>) {
  if (query.planId) await findReadablePlan(db, access, query.planId);
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(risks.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.planId) where.push(eq(risks.planId, query.planId));
  if (query.year !== undefined) where.push(lte(plans.startYear, query.year), gte(plans.endYear, query.year));
  if (query.minRiskValue !== undefined) where.push(gte(risks.riskValue, query.minRiskValue));
  if (query.processId) where.push(eq(risks.processId, query.processId));
  if (query.categoryId) where.push(eq(risks.categoryId, query.categoryId));
  if (query.response) where.push(eq(risks.response, query.response));
  if (!query.includeArchived) where.push(isNull(risks.archivedAt));
  const rows = await db
    .select({ risk: risks, total: sql<number>`count(*) over ()` })
    .from(risks)
    .innerJoin(plans, and(eq(plans.tenantId, risks.tenantId), eq(plans.id, risks.planId)))
    .where(and(...where))
    .orderBy(
      ...orderBy(
        query.sort,
        { title: risks.title, riskValue: risks.riskValue, sortOrder: risks.sortOrder },
        'sortOrder',
        risks.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  const items = await withVocabularyRefs(
    db,
    access.tenantId,
    rows.map((row) => row.risk),
  );
  return { items, total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
