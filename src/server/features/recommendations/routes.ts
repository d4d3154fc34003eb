import {
  recommendation,
  recommendationCreate,
  recommendationListQuery,
  recommendationUpdate,
} from '../../../domain/contracts/recommendations.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveRecommendation } from './archive-recommendation.ts';
import { createRecommendation } from './create-recommendation.ts';
import { findReadableRecommendation } from './find-readable-recommendation.ts';
import { listRecommendations } from './list-recommendations.ts';
import { presentRecommendation } from './present.ts';
import { updateRecommendation } from './update-recommendation.ts';

/** Recommendations of reviews and auditors: recommendation → the nämnd's answer → what was done → status. */
export function recommendationRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/recommendations',
    tags: ['Reviews'],
    noun: 'recommendation',
    output: recommendation,
    createInput: recommendationCreate,
    updateInput: recommendationUpdate,
    listQuery: recommendationListQuery,
    present: presentRecommendation,
    list: listRecommendations,
    find: (db, access, recommendationId) => findReadableRecommendation(db, access, { recommendationId }),
    create: createRecommendation,
    update: (tx, access, recommendationId, version, changes) =>
      updateRecommendation(tx, access, { recommendationId, version, changes }),
    archive: (tx, access, recommendationId, archived) =>
      archiveRecommendation(tx, access, { recommendationId, archived }),
  });
  return router;
}
