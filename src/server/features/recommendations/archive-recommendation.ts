import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { findReadableRecommendation } from './find-readable-recommendation.ts';
import { assertManagesRecommendation } from './recommendation-rules.ts';

export interface ArchiveRecommendationOptions {
  recommendationId: string;
  /** True archives the recommendation (it leaves the lists, nothing is deleted); false restores it. */
  archived: boolean;
}

/** Archives or restores a recommendation: for the unit's managers. */
export async function archiveRecommendation(
  tx: Transaction,
  access: Access,
  { recommendationId, archived }: ArchiveRecommendationOptions,
) {
  const { unitId, ...current } = await findReadableRecommendation(tx, access, { recommendationId });
  // The archiving rule (the unit's managers), answered as forbidden to an addressed unit that reads it.
  assertManagesRecommendation(access, unitId);
  access.assertMayArchive(unitId);
  return setArchived(tx, recommendations, current, archived, {
    actor: access.actor,
    entityType: 'recommendation',
    unitId,
  });
}
