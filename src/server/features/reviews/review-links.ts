import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { queryRows, type Database } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { AppError, type LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

const invalid = (message: LocalizedText) =>
  new AppError('validation_failed', undefined, [{ path: 'followsUpReviewId', message }]);

/**
 * The review a review follows up (uppföljande granskning) is another review of the tenant that
 * the caller reads, and following it up closes no circle (A follows B follows A).
 */
export async function checkFollowsUp(
  db: Database,
  access: Access,
  followsUpReviewId: string | null | undefined,
  selfId?: string,
): Promise<void> {
  if (!followsUpReviewId) return;
  if (followsUpReviewId === selfId) throw invalid(localize((m) => m.recommendationsToUnits.followsUpItself));
  const [row] = await db
    .select({ unitId: plans.unitId })
    .from(reviews)
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(eq(reviews.tenantId, access.tenantId), eq(reviews.id, followsUpReviewId)));
  if (!row || !access.canRead(row.unitId)) throw invalid(localize((m) => m.validation.doesNotExist));
  if (!selfId) return;
  const chain = await queryRows<{ id: string }>(
    db,
    sql`with recursive chain(id, follows_up_review_id) as (
          select id, follows_up_review_id from reviews where tenant_id = ${access.tenantId} and id = ${followsUpReviewId}
          union
          select r.id, r.follows_up_review_id from reviews r join chain on r.id = chain.follows_up_review_id
           where r.tenant_id = ${access.tenantId}
        ) select id from chain`,
  );
  if (chain.some((link) => link.id === selfId)) throw invalid(localize((m) => m.recommendationsToUnits.followUpCircle));
}

/**
 * The reviews with their plan's unit and their links both ways: the review each follows up, and
 * the reviews (not archived) that follow it up; only those the caller reads are named.
 */
export async function attachReviewLinks<Row extends { id: string; planId: string; followsUpReviewId: string | null }>(
  db: Database,
  access: Access,
  rows: Row[],
) {
  const ids = rows.map((row) => row.id);
  const planIds = [...new Set(rows.map((row) => row.planId))];
  const followedIds = [...new Set(rows.flatMap((row) => (row.followsUpReviewId ? [row.followsUpReviewId] : [])))];
  const columns = {
    id: reviews.id,
    title: reviews.title,
    diarienummer: reviews.diarienummer,
    followsUpReviewId: reviews.followsUpReviewId,
    unitId: plans.unitId,
  };
  const fromReviews = () =>
    db
      .select(columns)
      .from(reviews)
      .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)));
  const [planUnits, followed, followers] = await Promise.all([
    planIds.length === 0
      ? []
      : db
          .select({ id: plans.id, unitId: plans.unitId })
          .from(plans)
          .where(and(eq(plans.tenantId, access.tenantId), inArray(plans.id, planIds))),
    followedIds.length === 0
      ? []
      : fromReviews().where(and(eq(reviews.tenantId, access.tenantId), inArray(reviews.id, followedIds))),
    ids.length === 0
      ? []
      : fromReviews()
          .where(
            and(
              eq(reviews.tenantId, access.tenantId),
              inArray(reviews.followsUpReviewId, ids),
              isNull(reviews.archivedAt),
            ),
          )
          .orderBy(asc(reviews.sortOrder), asc(reviews.title), asc(reviews.id)),
  ]);
  const ref = (link: (typeof followed)[number]) => ({
    id: link.id,
    title: link.title,
    diarienummer: link.diarienummer,
  });
  return rows.map((row) => {
    const target = followed.find((link) => link.id === row.followsUpReviewId && access.canRead(link.unitId));
    return {
      ...row,
      unitId: planUnits.find((plan) => plan.id === row.planId)!.unitId,
      followsUpReview: target ? ref(target) : null,
      followUpReviews: followers
        .filter((link) => link.followsUpReviewId === row.id && access.canRead(link.unitId))
        .map(ref),
    };
  });
}
