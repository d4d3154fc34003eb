import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { swedishDateOf } from '../../../domain/clock.ts';
import { actions } from '../../db/schema/actions.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { recommendationAddressees } from '../../db/schema/recommendation-addressees.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { readableSubtree, type ReportContext } from '../report-context.ts';

export type StatusRow = typeof statuses.$inferSelect;
export type RecommendationRow = typeof recommendations.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;

/** A review the report shows, with what of it is shown. */
export interface ShownReview {
  review: ReviewRow;
  /** The unit of the review's plan. */
  unitId: string;
  unitName: string;
  /** The body that decided on its result. */
  decidedBy: string | null;
  /** Its recommendations the report shows (all, or those addressed to the scope), in order. */
  recommendations: RecommendationRow[];
  /** The review it follows up, when the caller reads that one's unit. */
  earlier: ReviewRow | null;
  /** The actions decided from it, of plans in the scope. */
  actions: { action: typeof actions.$inferSelect; responsibleUnit: string | null }[];
}

/** What the follow-up of recommendations prints, read in a fixed number of queries. */
export interface RecommendationFacts {
  statuses: StatusRow[];
  /** Whether a status is one of the completed category (a line is closed). */
  completed: (statusId: string | null) => boolean;
  reviews: ShownReview[];
  /** The answers of the units in scope a recommendation is addressed to. */
  addresseesOf: (
    recommendationId: string,
  ) => { addressee: typeof recommendationAddressees.$inferSelect; unitName: string }[];
  /** The day each closed recommendation or answer was closed, by id. */
  closedOn: Map<string, string>;
}

/**
 * The reviews (granskningar) of the plans of the unit and the units below it that the caller
 * reads, and those with a recommendation addressed to one of them: the ones dated in the
 * period (a review without a date: of a plan of the period), and those dated before it with a
 * recommendation or an answer still open. A review of a unit outside the scope shows only what
 * is addressed to the scope; only the answers of units in the scope are shown.
 */
export async function loadRecommendationFacts(context: ReportContext): Promise<RecommendationFacts> {
  const { db, tenantId } = context;
  const readable = context.readableUnitIds;
  const scope = await readableSubtree(context);
  const inScope = new Set(scope);
  // A reporting period's days, else the whole plan years.
  const periodStart = context.window?.startDate ?? `${context.startYear}-01-01`;
  const periodEnd = context.window?.endDate ?? `${context.endYear}-12-31`;

  const statusRows = await db.select().from(statuses).where(eq(statuses.tenantId, tenantId));
  const statusOf = new Map(statusRows.map((row) => [row.id, row]));
  const completed = (statusId: string | null) => statusId !== null && statusOf.get(statusId)?.category === 'completed';

  // The reviews of plans of the units in scope, and those with a recommendation addressed to one of them.
  const addressedReviewIds =
    scope.length === 0
      ? []
      : (
          await db
            .selectDistinct({ reviewId: recommendations.reviewId })
            .from(recommendationAddressees)
            .innerJoin(
              recommendations,
              and(
                eq(recommendations.tenantId, recommendationAddressees.tenantId),
                eq(recommendations.id, recommendationAddressees.recommendationId),
              ),
            )
            .where(
              and(
                eq(recommendationAddressees.tenantId, tenantId),
                inArray(recommendationAddressees.unitId, scope),
                isNull(recommendations.archivedAt),
              ),
            )
        ).map((row) => row.reviewId);
  const reviewUnit = alias(orgUnits, 'review_unit');
  const decidingUnit = alias(orgUnits, 'deciding_unit');
  const candidates =
    scope.length === 0
      ? []
      : await db
          .select({
            review: reviews,
            unitId: plans.unitId,
            unitName: reviewUnit.name,
            decidedBy: decidingUnit.name,
            planStartYear: plans.startYear,
            planEndYear: plans.endYear,
          })
          .from(reviews)
          .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
          .innerJoin(reviewUnit, and(eq(reviewUnit.tenantId, plans.tenantId), eq(reviewUnit.id, plans.unitId)))
          .leftJoin(
            decidingUnit,
            and(eq(decidingUnit.tenantId, reviews.tenantId), eq(decidingUnit.id, reviews.decisionUnitId)),
          )
          .where(
            and(
              eq(reviews.tenantId, tenantId),
              isNull(reviews.archivedAt),
              isNull(plans.archivedAt),
              // Never one dated after the period.
              or(isNull(reviews.meetingDate), lte(reviews.meetingDate, periodEnd)),
              addressedReviewIds.length === 0
                ? inArray(plans.unitId, scope)
                : sql`(${inArray(plans.unitId, scope)} or ${inArray(reviews.id, addressedReviewIds)})`,
            ),
          )
          .orderBy(sql`${reviews.meetingDate} asc nulls last`, asc(reviews.sortOrder), asc(reviews.title));

  const candidateIds = candidates.map((row) => row.review.id);
  const recommendationRows =
    candidateIds.length === 0
      ? []
      : await db
          .select()
          .from(recommendations)
          .where(
            and(
              eq(recommendations.tenantId, tenantId),
              inArray(recommendations.reviewId, candidateIds),
              isNull(recommendations.archivedAt),
            ),
          )
          .orderBy(asc(recommendations.sortOrder), asc(recommendations.createdAt), asc(recommendations.id));
  const addresseeRows =
    recommendationRows.length === 0
      ? []
      : await db
          .select({ addressee: recommendationAddressees, unitName: orgUnits.name })
          .from(recommendationAddressees)
          .innerJoin(
            orgUnits,
            and(
              eq(orgUnits.tenantId, recommendationAddressees.tenantId),
              eq(orgUnits.id, recommendationAddressees.unitId),
            ),
          )
          .where(
            and(
              eq(recommendationAddressees.tenantId, tenantId),
              inArray(
                recommendationAddressees.recommendationId,
                recommendationRows.map((row) => row.id),
              ),
              // Only the answers of the nämnder in the report's scope.
              inArray(recommendationAddressees.unitId, scope),
            ),
          )
          .orderBy(asc(recommendationAddressees.sortOrder), asc(recommendationAddressees.createdAt));
  const addresseesOf = (recommendationId: string) =>
    addresseeRows.filter((row) => row.addressee.recommendationId === recommendationId);

  // A review of a unit outside the scope shows only what is addressed (itself or through its parent) to a unit in it.
  const shownRecommendations = (review: (typeof candidates)[number]) => {
    const own = recommendationRows.filter((row) => row.reviewId === review.review.id);
    if (inScope.has(review.unitId)) return own;
    const addressed = (id: string | null) => id !== null && addresseesOf(id).length > 0;
    return own.filter((row) => addressed(row.id) || addressed(row.parentId));
  };
  const dateOf = (review: (typeof candidates)[number]) => review.review.meetingDate;
  const ofPeriod = (review: (typeof candidates)[number]) => {
    const date = dateOf(review);
    if (date !== null) return date >= periodStart && date <= periodEnd;
    return review.planStartYear <= context.endYear && review.planEndYear >= context.startYear;
  };
  const beforePeriod = (review: (typeof candidates)[number]) => {
    const date = dateOf(review);
    return date !== null ? date < periodStart : review.planEndYear < context.startYear;
  };
  const shown = candidates
    .map((review) => ({ ...review, recommendations: shownRecommendations(review) }))
    .filter((review) => inScope.has(review.unitId) || review.recommendations.length > 0)
    .filter(
      (review) =>
        ofPeriod(review) ||
        (beforePeriod(review) &&
          review.recommendations.some(
            (row) =>
              !completed(row.statusId) || addresseesOf(row.id).some((entry) => !completed(entry.addressee.statusId)),
          )),
    );

  // When each line was closed: the moment its current (completed) status was set, as the audit trail records it.
  const closedOn = await closingDays(context, [
    ...shown.flatMap((review) =>
      review.recommendations
        .filter((row) => completed(row.statusId))
        .map((row) => ({ id: row.id, updatedAt: row.updatedAt })),
    ),
    ...addresseeRows
      .filter((row) => completed(row.addressee.statusId))
      .map((row) => ({ id: row.addressee.id, updatedAt: row.addressee.updatedAt })),
  ]);

  const reviewById = new Map(candidates.map((row) => [row.review.id, row.review]));
  const followedUpIds = shown
    .map((review) => review.review.followsUpReviewId)
    .filter((id): id is string => id !== null && !reviewById.has(id));
  const followedUp =
    followedUpIds.length === 0
      ? []
      : await db
          .select({ review: reviews, unitId: plans.unitId })
          .from(reviews)
          .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
          .where(and(eq(reviews.tenantId, tenantId), inArray(reviews.id, followedUpIds)));
  // An earlier review is named only to those who read its unit.
  for (const row of followedUp)
    if (readable === 'all' || readable.includes(row.unitId)) reviewById.set(row.review.id, row.review);

  const shownReviewIds = shown.map((review) => review.review.id);
  const responsibleUnit = alias(orgUnits, 'responsible_unit');
  const reviewActions =
    shownReviewIds.length === 0
      ? []
      : await db
          .select({ action: actions, responsibleUnit: responsibleUnit.name, unitId: plans.unitId })
          .from(actions)
          .innerJoin(plans, and(eq(plans.tenantId, actions.tenantId), eq(plans.id, actions.planId)))
          .leftJoin(
            responsibleUnit,
            and(eq(responsibleUnit.tenantId, actions.tenantId), eq(responsibleUnit.id, actions.responsibleUnitId)),
          )
          .where(
            and(
              eq(actions.tenantId, tenantId),
              inArray(actions.reviewId, shownReviewIds),
              isNull(actions.archivedAt),
              inArray(plans.unitId, scope),
            ),
          )
          .orderBy(asc(actions.sortOrder), asc(actions.title));

  return {
    statuses: statusRows,
    completed,
    reviews: shown.map((review) => ({
      review: review.review,
      unitId: review.unitId,
      unitName: review.unitName,
      decidedBy: review.decidedBy,
      recommendations: review.recommendations,
      earlier: review.review.followsUpReviewId ? (reviewById.get(review.review.followsUpReviewId) ?? null) : null,
      actions: reviewActions
        .filter((row) => row.action.reviewId === review.review.id)
        .map(({ action, responsibleUnit }) => ({ action, responsibleUnit })),
    })),
    addresseesOf,
    closedOn,
  };
}

/**
 * The day each closed line was closed: when its status was last set (the latest audited change
 * of its status, the day in Sweden), else the day it was last changed.
 */
async function closingDays(
  context: ReportContext,
  lines: { id: string; updatedAt: Date }[],
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (lines.length === 0) return result;
  const events = await context.db
    .select({ entityId: auditEvents.entityId, occurredAt: auditEvents.occurredAt })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.tenantId, context.tenantId),
        inArray(auditEvents.entityType, ['recommendation', 'recommendation_addressee']),
        inArray(
          auditEvents.entityId,
          lines.map((line) => line.id),
        ),
        sql`(${auditEvents.changes} -> 'statusId') is not null`,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt));
  for (const line of lines) {
    const latest = events.find((event) => event.entityId === line.id);
    const day = swedishDateOf(latest?.occurredAt ?? line.updatedAt);
    // A report made on an earlier day by its clock (a test's, a report dated back) never counts past its own today.
    result.set(line.id, day > context.today ? context.today : day);
  }
  return result;
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
