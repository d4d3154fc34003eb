import type { z } from 'zod';
import type { reviewCreate } from '../../../domain/contracts/reviews.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { checkFollowsUp } from './review-links.ts';
import { checkRisk } from './review-rules.ts';

/** What a new review is: the request's fields (the plan, the title, a risk of the plan, the meeting date …). */
export type CreateReviewOptions = z.infer<typeof reviewCreate>;

/** Records a review (granskning) of a plan: for the managers of the plan's unit. */
export async function createReview(tx: Transaction, access: Access, options: CreateReviewOptions) {
  const plan = await findReadablePlan(tx, access, options.planId, 'planId');
  access.assertRole(plan.unitId, MANAGING_ROLES);
  await checkRisk(tx, plan, options.riskId);
  await checkFollowsUp(tx, access, options.followsUpReviewId);
  return insertAudited(
    tx,
    reviews,
    { ...options, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'review', unitId: plan.unitId },
  );
}
