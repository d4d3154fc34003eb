import type { z } from 'zod';
import type { recommendationUpdate } from '../../../domain/contracts/recommendations.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { findReadableRecommendation } from './find-readable-recommendation.ts';
import { presentRecommendation } from './present.ts';
import { assertManagesRecommendation, checkParent } from './recommendation-rules.ts';

export interface UpdateRecommendationOptions {
  recommendationId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. */
  changes: Omit<z.infer<typeof recommendationUpdate>, 'version'>;
}

/** Changes a recommendation (its number, parent, the nämnd's answer, what was done, its status …): for the review's unit's managers. */
export async function updateRecommendation(
  tx: Transaction,
  access: Access,
  { recommendationId, version, changes }: UpdateRecommendationOptions,
) {
  const { unitId, ...current } = await findReadableRecommendation(tx, access, { recommendationId });
  assertManagesRecommendation(access, unitId);
  await checkParent(tx, access.tenantId, {
    reviewId: current.reviewId,
    parentId: changes.parentId,
    selfId: current.id,
  });
  return updateAudited(
    tx,
    recommendations,
    { current, expectedVersion: version, values: changes, present: presentRecommendation },
    { actor: access.actor, entityType: 'recommendation', unitId },
  );
}
