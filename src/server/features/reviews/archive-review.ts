import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { findReadableReview } from './find-readable-review.ts';

export interface ArchiveReviewOptions {
  reviewId: string;
  /** True archives the review (it leaves the lists, nothing is deleted); false restores it. */
  archived: boolean;
}

/** Archives or restores a review: for the unit's managers. */
export async function archiveReview(tx: Transaction, access: Access, { reviewId, archived }: ArchiveReviewOptions) {
  const { unitId, ...current } = await findReadableReview(tx, access, { reviewId });
  access.assertMayArchive(unitId);
  return setArchived(tx, reviews, current, archived, { actor: access.actor, entityType: 'review', unitId });
}
