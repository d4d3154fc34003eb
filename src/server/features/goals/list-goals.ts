import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { goalListQuery } from '../../../domain/contracts/goals.ts';
import type { Access } from '../../access/access.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { goals } from '../../db/schema/goals.ts';
import { orderBy } from '../../http/list-helpers.ts';

/** A page of the goals of units the caller reads: of one unit or a subtree, of one year; by year and position. */
export async function listGoals(db: Database, access: Access, query: z.infer<typeof goalListQuery>) {
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(goals.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(goals.unitId, units));
  if (query.unitId) where.push(eq(goals.unitId, query.unitId));
  if (query.year !== undefined) where.push(eq(goals.year, query.year));
  if (!query.includeArchived) where.push(isNull(goals.archivedAt));
  const rows = await db
    .select({ goal: goals, total: sql<number>`count(*) over ()` })
    .from(goals)
    .where(and(...where))
    .orderBy(
      asc(goals.unitId),
      ...orderBy(
        query.sort,
        { sortOrder: goals.sortOrder, title: goals.title, year: goals.year },
        'sortOrder',
        goals.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.goal), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
