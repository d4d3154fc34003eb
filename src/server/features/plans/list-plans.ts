import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { planListQuery } from '../../../domain/contracts/plans.ts';
import type { Access } from '../../access/access.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { orderBy } from '../../http/list-helpers.ts';

/** A page of the plans the caller reads, filtered by unit subtree, year, kind and state. */
export async function listPlans(db: Database, access: Access, query: z.infer<typeof planListQuery>) {
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(plans.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.unitId) where.push(eq(plans.unitId, query.unitId));
  if (query.year !== undefined) where.push(lte(plans.startYear, query.year), gte(plans.endYear, query.year));
  if (query.kind) where.push(eq(plans.kind, query.kind));
  if (query.state) where.push(eq(plans.state, query.state));
  if (!query.includeArchived) where.push(isNull(plans.archivedAt));
  const rows = await db
    .select({ plan: plans, total: sql<number>`count(*) over ()` })
    .from(plans)
    .where(and(...where))
    .orderBy(
      ...orderBy(
        query.sort,
        { title: plans.title, startYear: plans.startYear, createdAt: plans.createdAt },
        '-startYear',
        plans.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.plan), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
