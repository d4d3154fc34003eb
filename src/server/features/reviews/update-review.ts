import type { z } from 'zod';
import type { reviewUpdate } from '../../../domain/contracts/reviews.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { findReadableReview } from './find-readable-review.ts';
import { presentReview } from './present.ts';
import { checkFollowsUp } from './review-links.ts';
import { checkRisk } from './review-rules.ts';

export interface UpdateReviewOptions {
  reviewId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. */
  changes: Omit<z.infer<typeof reviewUpdate>, 'version'>;
}

/**
 * Changes a review: for the unit's managers; a risk named must be of the review's plan, a
 * review it follows up another readable review that closes no circle.
 */
export async function updateReview(
  tx: Transaction,
  access: Access,
  { reviewId, version, changes }: UpdateReviewOptions,
) {
  const { unitId, ...current } = await findReadableReview(tx, access, { reviewId });
  access.assertRole(unitId, MANAGING_ROLES);
  await checkRisk(tx, await findReadablePlan(tx, access, current.planId), changes.riskId);
  await checkFollowsUp(tx, access, changes.followsUpReviewId, current.id);
  return updateAudited(
    tx,
    reviews,
    { current, expectedVersion: version, values: changes, present: (row) => presentReview({ ...row, unitId }) },
    { actor: access.actor, entityType: 'review', unitId },
  );
}
