import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { AppError } from '../../errors.ts';

export interface FindReadableRecommendationOptions {
  recommendationId: string;
}

/** A recommendation the caller may read (through its review's plan), with the plan's unit; otherwise not found. */
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
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.recommendation, unitId: row.unitId };
}
