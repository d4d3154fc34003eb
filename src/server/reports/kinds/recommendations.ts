import { isOverdue } from '../../../domain/plan-item.ts';
import type { Block, Cell, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import { periodText, rich, type ReportContext } from '../report-context.ts';
import { newDocument } from './kind-helpers.ts';
import {
  daysBetween,
  loadRecommendationFacts,
  type RecommendationRow,
  type StatusRow,
} from './recommendation-facts.ts';

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
  const { labels, locale } = context;
  const {
    statuses: statusRows,
    completed,
    reviews: shown,
    addresseesOf,
    closedOn,
  } = await loadRecommendationFacts(context);
  const statusOf = new Map(statusRows.map((row) => [row.id, row]));
  const statusName = (statusId: string | null) => {
    const status = statusId === null ? undefined : statusOf.get(statusId);
    return status ? (locale === 'sv' ? status.labelSv : status.labelEn) : labels.noStatus;
  };
  const daysOpen = (line: FollowedLine) => {
    if (line.since === null) return null;
    // A line closed (or a review dated) after the report's today counts no days, never fewer.
    return Math.max(0, daysBetween(line.since, line.closedOn ?? context.today));
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
        cell(line.dueDate ?? '–', overdue ? labels.overdueLowerMark : null),
        cell(days === null ? '–' : String(days)),
      ];
    };
    const addRecommendation = (row: RecommendationRow, number: string) => {
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
    const earlier = review.earlier;
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
    const decided = review.actions;
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
    { type: 'heading', level: 1, text: labels.summary, section: 'summary' },
    text(labels.recommendationsScope(periodText(context), context.window?.startDate ?? String(context.startYear))),
    ...summaryBlocks(context, counted, statusRows, { completed, statusName, daysOpen }),
    { type: 'heading', level: 1, text: labels.reviewsHeading, section: 'reviews' },
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
