import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { recommendationListQuery } from '../../../domain/contracts/recommendations.ts';
import type { Access } from '../../access/access.ts';
import { recommendationAddressedTo } from '../../access/recommendation-scope.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { overdueCondition } from '../../plan-items/item-details.ts';
import { attachAddressees } from './find-readable-recommendation.ts';

/** Not done: no status, or one whose category is not completed. */
const notDone = (tenantId: string) =>
  sql`(${recommendations.statusId} is null or ${recommendations.statusId} not in (select id from statuses where tenant_id = ${tenantId} and category = 'completed'))`;

/**
 * A page of the recommendations the caller reads (of their units' reviews, or addressed to their
 * units), filtered by unit subtree and review, open or done, overdue or not; each with its addressees.
 */
export async function listRecommendations(
  db: Database,
  access: Access,
  query: z.infer<typeof recommendationListQuery>,
) {
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(recommendations.tenantId, access.tenantId)];
  // A review's unit's own, and those addressed to a unit shown (a review that spans several nämnder).
  if (units !== 'all')
    where.push(
      units.length === 0
        ? sql`false`
        : or(inArray(plans.unitId, units), recommendationAddressedTo(db, access.tenantId, units)),
    );
  if (query.reviewId) where.push(eq(recommendations.reviewId, query.reviewId));
  if (query.open === true) where.push(notDone(access.tenantId));
  if (query.open === false) where.push(sql`not ${notDone(access.tenantId)}`);
  if (query.overdue !== undefined) {
    const overdue = overdueCondition(recommendations.dueDate, recommendations.statusId, access.tenantId, access.today);
    where.push(query.overdue ? overdue : sql`not ${overdue}`);
  }
  if (!query.includeArchived) where.push(isNull(recommendations.archivedAt));
  const rows = await db
    .select({ recommendation: recommendations, total: sql<number>`count(*) over ()` })
    .from(recommendations)
    .innerJoin(reviews, and(eq(reviews.tenantId, recommendations.tenantId), eq(reviews.id, recommendations.reviewId)))
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(...where))
    .orderBy(
      ...orderBy(
        query.sort,
        { dueDate: recommendations.dueDate, sortOrder: recommendations.sortOrder },
        'sortOrder',
        recommendations.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  const items = await attachAddressees(
    db,
    access.tenantId,
    rows.map((row) => row.recommendation),
  );
  return { items, total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
