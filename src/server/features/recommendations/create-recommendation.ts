import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { recommendationCreate } from '../../../domain/contracts/recommendations.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { checkParent } from './recommendation-rules.ts';

/** What a new recommendation is: the request's fields (the review, the recommendation, the nämnd's answer, a due date …). */
export type CreateRecommendationOptions = z.infer<typeof recommendationCreate>;

/** The unit of the review's plan, when the caller reads it; otherwise the review does not exist for them. */
async function reviewUnit(db: Database, access: Access, reviewId: string): Promise<string> {
  const [row] = await db
    .select({ unitId: plans.unitId })
    .from(reviews)
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(eq(reviews.tenantId, access.tenantId), eq(reviews.id, reviewId)));
  if (!row || !access.canRead(row.unitId))
    throw new AppError('validation_failed', undefined, [
      { path: 'reviewId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  return row.unitId;
}

/** Records a recommendation of a review (or a sub-recommendation of one): for the managers of the review's plan's unit. */
export async function createRecommendation(tx: Transaction, access: Access, options: CreateRecommendationOptions) {
  const unitId = await reviewUnit(tx, access, options.reviewId);
  access.assertRole(unitId, MANAGING_ROLES);
  await checkParent(tx, access.tenantId, { reviewId: options.reviewId, parentId: options.parentId });
  return insertAudited(
    tx,
    recommendations,
    { ...options, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'recommendation', unitId },
  );
}
