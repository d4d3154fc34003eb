import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { AppError } from '../../errors.ts';

export interface FindReadableReviewOptions {
  reviewId: string;
}

/** A review the caller may read (through its plan), with the plan's unit; otherwise not found. */
export async function findReadableReview(db: Database, access: Access, { reviewId }: FindReadableReviewOptions) {
  const [row] = await db
    .select({ review: reviews, unitId: plans.unitId })
    .from(reviews)
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(eq(reviews.tenantId, access.tenantId), eq(reviews.id, reviewId)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.review, unitId: row.unitId };
}
