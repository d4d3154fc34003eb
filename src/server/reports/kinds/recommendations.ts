import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { swedishDateOf } from '../../../domain/clock.ts';
import { isOverdue } from '../../../domain/plan-item.ts';
import { subtreeUnitIds } from '../../access/unit-tree.ts';
import { actions } from '../../db/schema/actions.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { recommendationAddressees } from '../../db/schema/recommendation-addressees.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { statuses } from '../../db/schema/statuses.ts';
import type { Block, Cell, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import { periodText, rich, type ReportContext } from '../report-context.ts';
import { newDocument } from './kind-helpers.ts';

type StatusRow = typeof statuses.$inferSelect;

/** One line of the follow-up: a recommendation, or one addressed nämnd's answer to it. */
interface FollowedLine {
  statusId: string | null;
  dueDate: string | null;
  /** The day the line counts from (the review's date), or null when the review has none. */
  since: string | null;
  /** The day it was closed (its status set to a completed one), when it is. */
  closedOn: string | null;
}

/**
 * Uppföljning av revisionens rekommendationer, for the auditors and the kommunstyrelse: the
 * reviews (granskningar) of the unit and the units below it that the caller reads, dated in the
 * period, and those of earlier years with a recommendation still open; per review its
 * recommendations with their parts, and per recommendation (and per nämnd it is addressed to)
 * the answer, what has been done, the status, the due date and how many days it has been open
 * (from the review's date to today, or to the day it was closed), then the actions decided from
 * the review; first the recommendations counted per status.
 */
export async function recommendationsReport(context: ReportContext): Promise<ReportDocument> {
  const { labels, db, tenantId, locale } = context;
  const subtree = await subtreeUnitIds(db, tenantId, context.unit.id);
  const readable = context.readableUnitIds;
  const scope = readable === 'all' ? subtree : subtree.filter((id) => readable.includes(id));
  const inScope = new Set(scope);
  const periodStart = `${context.startYear}-01-01`;
  const periodEnd = `${context.endYear}-12-31`;

  const statusRows = await db.select().from(statuses).where(eq(statuses.tenantId, tenantId));
  const statusOf = new Map(statusRows.map((row) => [row.id, row]));
  const completed = (statusId: string | null) => statusId !== null && statusOf.get(statusId)?.category === 'completed';
  const statusName = (statusId: string | null) => {
    const status = statusId === null ? undefined : statusOf.get(statusId);
    return status ? (locale === 'sv' ? status.labelSv : status.labelEn) : labels.noStatus;
  };

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

  const daysOpen = (line: FollowedLine) => {
    if (line.since === null) return null;
    const until = line.closedOn ?? context.today;
    return Math.max(0, daysBetween(line.since, until < line.since ? line.since : until));
  };
  const counted: FollowedLine[] = [];
  const reviewBlocks: Block[] = [];
  for (const review of shown) {
    const since = review.review.meetingDate;
    const rows: Cell[][] = [];
    const lineCells = (
      line: FollowedLine,
      number: string,
      what: Block[],
      answer: string | null,
      answeredOn: string | null,
      actionsTaken: string | null,
    ): Cell[] => {
      const days = daysOpen(line);
      const overdue = isOverdue({ endDate: line.dueDate, completed: completed(line.statusId) }, context.today);
      return [
        cell(number),
        { blocks: what },
        { blocks: [...rich(answer), ...(answeredOn ? [text(labels.answeredOn(answeredOn))] : [])] },
        { blocks: rich(actionsTaken) },
        cell(
          statusName(line.statusId),
          completed(line.statusId) && line.closedOn ? labels.closedOn(line.closedOn) : null,
        ),
        cell(line.dueDate ?? '–', overdue ? labels.overdueMark : null),
        cell(days === null ? '–' : String(days)),
      ];
    };
    const addRecommendation = (row: (typeof recommendationRows)[number], number: string) => {
      const line: FollowedLine = {
        statusId: row.statusId,
        dueDate: row.dueDate,
        since,
        closedOn: completed(row.statusId) ? (closedOn.get(row.id) ?? null) : null,
      };
      counted.push(line);
      rows.push(
        lineCells(
          line,
          number,
          [...rich(row.recommendation), ...(row.recommendedBy ? [text(`(${row.recommendedBy})`)] : [])],
          row.answer,
          row.answeredOn,
          row.actionsTaken,
        ),
      );
      for (const { addressee, unitName } of addresseesOf(row.id)) {
        const answerLine: FollowedLine = {
          statusId: addressee.statusId,
          dueDate: addressee.dueDate,
          since,
          closedOn: completed(addressee.statusId) ? (closedOn.get(addressee.id) ?? null) : null,
        };
        rows.push(
          lineCells(
            answerLine,
            number,
            [text(labels.answerOf(unitName))],
            addressee.answer,
            addressee.answeredOn,
            addressee.actionsTaken,
          ),
        );
      }
    };
    const topLevel = review.recommendations.filter(
      (row) => row.parentId === null || !review.recommendations.some((parent) => parent.id === row.parentId),
    );
    topLevel.forEach((row, index) => {
      const number = row.number ?? String(index + 1);
      addRecommendation(row, number);
      review.recommendations
        .filter((part) => part.parentId === row.id)
        .forEach((part, partIndex) => addRecommendation(part, part.number ?? `${number}.${partIndex + 1}`));
    });

    const heading = [review.review.diarienummer, review.review.title].filter(Boolean).join(' ');
    // Short captions: they name the workbook's sheets (31 characters), the case number first.
    const key = review.review.diarienummer ?? review.review.title;
    reviewBlocks.push({ type: 'heading', level: 2, text: heading });
    reviewBlocks.push(text(labels.reviewedUnit(review.unitName)));
    // Who decided on the review's result, when and in which paragraph: only the parts recorded.
    if (review.decidedBy || review.review.meetingDate || review.review.decisionParagraph)
      reviewBlocks.push(
        text(
          labels.decisionLine(
            review.decidedBy ?? '',
            review.review.meetingDate ?? '',
            review.review.decisionParagraph ?? '',
            '',
          ),
        ),
      );
    const earlier = review.review.followsUpReviewId ? reviewById.get(review.review.followsUpReviewId) : undefined;
    if (earlier)
      reviewBlocks.push(
        text(
          labels.followsUp(
            labels.reviewLine({
              diarienummer: earlier.diarienummer,
              title: earlier.title,
              date: earlier.meetingDate,
              paragraph: earlier.decisionParagraph,
            }),
          ),
        ),
      );
    if (rows.length === 0) reviewBlocks.push(text(labels.noRecommendations));
    else
      reviewBlocks.push({
        type: 'table',
        table: {
          caption: labels.recommendationsOf(key),
          columns: [
            { title: labels.recommendationNumber, width: 0.7 },
            { title: labels.recommendation, width: 3.2 },
            { title: labels.answer, width: 3 },
            { title: labels.actionsTaken, width: 3 },
            { title: labels.status, width: 1.4 },
            { title: labels.dueDate, width: 1.3 },
            { title: labels.daysOpen, width: 1 },
          ],
          rows,
        },
      });
    const decided = reviewActions.filter((row) => row.action.reviewId === review.review.id);
    if (decided.length > 0)
      reviewBlocks.push({
        type: 'table',
        table: {
          caption: labels.actionsOfReview(key),
          columns: [
            { title: labels.actionTitle, width: 4 },
            { title: labels.measuresTaken, width: 4 },
            { title: labels.responsible, width: 2 },
            { title: labels.endDate, width: 1.3 },
            { title: labels.status, width: 1.4 },
          ],
          rows: decided.map(({ action, responsibleUnit: unitName }) => [
            cell(action.title),
            { blocks: rich(action.measuresTaken) },
            cell(unitName ?? '–'),
            cell(action.endDate ?? '–'),
            cell(statusName(action.statusId)),
          ]),
        },
      });
  }

  const blocks: Block[] = [
    { type: 'heading', level: 1, text: labels.summary },
    text(labels.recommendationsScope(periodText(context), context.startYear)),
    ...summaryBlocks(context, counted, statusRows, { completed, statusName, daysOpen }),
    { type: 'heading', level: 1, text: labels.reviewsHeading },
  ];
  if (shown.length === 0) blocks.push(text(labels.noReviews));
  else blocks.push(...reviewBlocks);
  return newDocument(
    context,
    'recommendations',
    labels.recommendationsTitle(periodText(context)),
    [context.unit.name],
    blocks,
    { outline: true, orientation: 'landscape' },
  );
}

/** The recommendations counted per status (in the tenant's order, "Utan status" last), and how many are open and overdue. */
function summaryBlocks(
  context: ReportContext,
  lines: FollowedLine[],
  statusRows: StatusRow[],
  rules: {
    completed: (statusId: string | null) => boolean;
    statusName: (statusId: string | null) => string;
    daysOpen: (line: FollowedLine) => number | null;
  },
): Block[] {
  const { labels, today } = context;
  if (lines.length === 0) return [text(labels.noRecommendations)];
  const order = [...statusRows].sort((a, b) => a.sortOrder - b.sortOrder || a.labelSv.localeCompare(b.labelSv, 'sv'));
  const counts: Cell[][] = [];
  for (const status of order) {
    const count = lines.filter((line) => line.statusId === status.id).length;
    if (count > 0) counts.push([cell(rules.statusName(status.id)), cell(String(count))]);
  }
  const unmarked = lines.filter(
    (line) => line.statusId === null || !statusRows.some((row) => row.id === line.statusId),
  );
  if (unmarked.length > 0) counts.push([cell(labels.noStatus), cell(String(unmarked.length))]);
  counts.push([cell(labels.total), cell(String(lines.length))]);
  const open = lines.filter((line) => !rules.completed(line.statusId));
  const overdue = open.filter((line) => isOverdue({ endDate: line.dueDate, completed: false }, today));
  const ages = open.map(rules.daysOpen).filter((days): days is number => days !== null);
  return [
    {
      type: 'table',
      table: {
        caption: labels.recommendationsPerStatus,
        columns: [
          { title: labels.status, width: 3 },
          { title: labels.itemCount, width: 1 },
        ],
        rows: counts,
      },
    },
    text(labels.openRecommendations(open.length, overdue.length)),
    ...(ages.length > 0 ? [text(labels.longestOpen(Math.max(...ages)))] : []),
  ];
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
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
