import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { readsReviewAsAddressee } from '../../access/recommendation-scope.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { AppError } from '../../errors.ts';
import { attachReviewLinks } from './review-links.ts';

export interface FindReadableReviewOptions {
  reviewId: string;
}

/**
 * A review the caller may read (through its plan, or as a unit one of its recommendations is
 * addressed to), with the plan's unit and its links to followed-up and follow-up reviews;
 * otherwise not found.
 */
export async function findReadableReview(db: Database, access: Access, { reviewId }: FindReadableReviewOptions) {
  const [row] = await db
    .select({ review: reviews, unitId: plans.unitId })
    .from(reviews)
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(eq(reviews.tenantId, access.tenantId), eq(reviews.id, reviewId)));
  if (!row) throw new AppError('not_found');
  if (!access.canRead(row.unitId) && !(await readsReviewAsAddressee(db, access, reviewId)))
    throw new AppError('not_found');
  const [linked] = await attachReviewLinks(db, access, [row.review]);
  return { ...linked!, unitId: row.unitId };
}
