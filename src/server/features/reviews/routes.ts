import { review, reviewCreate, reviewListQuery, reviewUpdate } from '../../../domain/contracts/reviews.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveReview } from './archive-review.ts';
import { createReview } from './create-review.ts';
import { findReadableReview } from './find-readable-review.ts';
import { listReviews } from './list-reviews.ts';
import { presentReview } from './present.ts';
import { attachReviewLinks } from './review-links.ts';
import { updateReview } from './update-review.ts';

/** A written review with its links to the review it follows up and those that follow it up. */
async function withLinks(db: Database, access: Access, row: Record<string, unknown>) {
  const [linked] = await attachReviewLinks(db, access, [
    row as { id: string; planId: string; followsUpReviewId: string | null },
  ]);
  return linked!;
}

/** Granskningar of plans: list, one, create, change, archive. */
export function reviewRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/reviews',
    tags: ['Reviews'],
    noun: 'review',
    output: review,
    createInput: reviewCreate,
    updateInput: reviewUpdate,
    listQuery: reviewListQuery,
    present: presentReview,
    list: listReviews,
    find: (db, access, reviewId) => findReadableReview(db, access, { reviewId }),
    create: async (tx, access, input) => withLinks(tx, access, await createReview(tx, access, input)),
    update: async (tx, access, reviewId, version, changes) =>
      withLinks(tx, access, await updateReview(tx, access, { reviewId, version, changes })),
    archive: async (tx, access, reviewId, archived) =>
      withLinks(tx, access, await archiveReview(tx, access, { reviewId, archived })),
  });
  return router;
}
