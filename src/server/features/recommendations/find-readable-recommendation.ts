import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { addressedUnitIds, readsRecommendation } from '../../access/recommendation-scope.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { recommendationAddressees } from '../../db/schema/recommendation-addressees.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { AppError } from '../../errors.ts';

export interface FindReadableRecommendationOptions {
  recommendationId: string;
}

/**
 * A recommendation the caller may read, through its review's plan or as a unit it is addressed
 * to, with the review's unit (`unitId`) and its addressees; otherwise not found.
 */
export async function findReadableRecommendation(
  db: Database,
  access: Access,
  { recommendationId }: FindReadableRecommendationOptions,
) {
  const [row] = await db
    .select({ recommendation: recommendations, unitId: plans.unitId })
    .from(recommendations)
    .innerJoin(reviews, and(eq(reviews.tenantId, recommendations.tenantId), eq(reviews.id, recommendations.reviewId)))
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(eq(recommendations.tenantId, access.tenantId), eq(recommendations.id, recommendationId)));
  if (!row) throw new AppError('not_found');
  if (!access.canRead(row.unitId)) {
    const addressed = await addressedUnitIds(db, access.tenantId, row.recommendation);
    if (!readsRecommendation(access, row.unitId, addressed)) throw new AppError('not_found');
  }
  const [withAddressees] = await attachAddressees(db, access.tenantId, [row.recommendation]);
  return { ...withAddressees!, unitId: row.unitId };
}

/** The recommendations, each with the nämnder it is addressed to (in their order). */
export async function attachAddressees<Row extends { id: string }>(db: Database, tenantId: string, rows: Row[]) {
  const ids = rows.map((row) => row.id);
  const addressees =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(recommendationAddressees)
          .where(
            and(
              eq(recommendationAddressees.tenantId, tenantId),
              inArray(recommendationAddressees.recommendationId, ids),
            ),
          )
          .orderBy(asc(recommendationAddressees.sortOrder), asc(recommendationAddressees.createdAt));
  return rows.map((row) => ({
    ...row,
    addressees: addressees.filter((addressee) => addressee.recommendationId === row.id),
  }));
}
