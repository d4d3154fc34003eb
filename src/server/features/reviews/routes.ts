import { review, reviewCreate, reviewListQuery, reviewUpdate } from '../../../domain/contracts/reviews.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveReview } from './archive-review.ts';
import { createReview } from './create-review.ts';
import { findReadableReview } from './find-readable-review.ts';
import { listReviews } from './list-reviews.ts';
import { presentReview } from './present.ts';
import { updateReview } from './update-review.ts';

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
    create: createReview,
    update: (tx, access, reviewId, version, changes) => updateReview(tx, access, { reviewId, version, changes }),
    archive: (tx, access, reviewId, archived) => archiveReview(tx, access, { reviewId, archived }),
  });
  return router;
}
