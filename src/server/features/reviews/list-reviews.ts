import { and, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { reviewListQuery } from '../../../domain/contracts/reviews.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { reviewAddressedTo } from '../../access/recommendation-scope.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { attachReviewLinks } from './review-links.ts';

/**
 * A page of the reviews the caller reads (of their units' plans, or with a recommendation
 * addressed to their units), filtered by unit subtree, plan, the plan's year and status.
 */
export async function listReviews(db: Database, access: Access, query: z.infer<typeof reviewListQuery>) {
  if (query.planId) await findReadablePlan(db, access, query.planId);
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(reviews.tenantId, access.tenantId)];
  // The units' own reviews, and those with a recommendation addressed to a unit shown.
  if (units !== 'all')
    where.push(
      units.length === 0 ? sql`false` : or(inArray(plans.unitId, units), reviewAddressedTo(db, access.tenantId, units)),
    );
  if (query.planId) where.push(eq(reviews.planId, query.planId));
  if (query.year !== undefined) where.push(lte(plans.startYear, query.year), gte(plans.endYear, query.year));
  if (query.statusId) where.push(eq(reviews.statusId, query.statusId));
  if (!query.includeArchived) where.push(isNull(reviews.archivedAt));
  const rows = await db
    .select({ review: reviews, total: sql<number>`count(*) over ()` })
    .from(reviews)
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(...where))
    .orderBy(
      ...orderBy(
        query.sort,
        { title: reviews.title, meetingDate: reviews.meetingDate, sortOrder: reviews.sortOrder },
        'sortOrder',
        reviews.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  const items = await attachReviewLinks(
    db,
    access,
    rows.map((row) => row.review),
  );
  return { items, total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
