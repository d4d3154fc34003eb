import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { orgUnits } from '../db/schema/org-units.ts';
import { recommendationAddressees } from '../db/schema/recommendation-addressees.ts';
import { recommendations } from '../db/schema/recommendations.ts';
import { statuses } from '../db/schema/statuses.ts';
import type { Block } from './document.ts';
import { text } from './document.ts';
import { rich, type ReportContext } from './report-context.ts';

interface RecommendationRow {
  id: string;
  reviewId: string;
  parentId: string | null;
  number: string | null;
  recommendation: string;
}

/**
 * The recommendations of the reviews (not archived) as report blocks per review: each with its
 * number and text, its sub-recommendations under it, and per addressed nämnd its status and
 * answer. A review without recommendations gets none: the seed reports print as before.
 */
export async function reviewRecommendationBlocks(
  context: ReportContext,
  reviewIds: readonly string[],
): Promise<Map<string, Block[]>> {
  const result = new Map<string, Block[]>();
  if (reviewIds.length === 0) return result;
  const { db, tenantId, labels } = context;
  const rows: RecommendationRow[] = await db
    .select({
      id: recommendations.id,
      reviewId: recommendations.reviewId,
      parentId: recommendations.parentId,
      number: recommendations.number,
      recommendation: recommendations.recommendation,
    })
    .from(recommendations)
    .where(
      and(
        eq(recommendations.tenantId, tenantId),
        inArray(recommendations.reviewId, [...reviewIds]),
        isNull(recommendations.archivedAt),
      ),
    )
    .orderBy(asc(recommendations.sortOrder), asc(recommendations.createdAt), asc(recommendations.id));
  if (rows.length === 0) return result;
  const addressees = await db
    .select({
      recommendationId: recommendationAddressees.recommendationId,
      unit: orgUnits.name,
      answer: recommendationAddressees.answer,
      answeredOn: recommendationAddressees.answeredOn,
      statusSv: statuses.labelSv,
      statusEn: statuses.labelEn,
    })
    .from(recommendationAddressees)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, recommendationAddressees.tenantId), eq(orgUnits.id, recommendationAddressees.unitId)),
    )
    .leftJoin(
      statuses,
      and(eq(statuses.tenantId, recommendationAddressees.tenantId), eq(statuses.id, recommendationAddressees.statusId)),
    )
    .where(
      and(
        eq(recommendationAddressees.tenantId, tenantId),
        inArray(
          recommendationAddressees.recommendationId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .orderBy(asc(recommendationAddressees.sortOrder), asc(recommendationAddressees.createdAt));

  const item = (row: RecommendationRow, number: string): Block[] => {
    const blocks: Block[] = [text(labels.recommendationHeading(number)), ...rich(row.recommendation)];
    const own = addressees.filter((addressee) => addressee.recommendationId === row.id);
    if (own.length > 0)
      blocks.push({
        type: 'list',
        ordered: false,
        items: own.map((addressee) => [
          text(
            labels.addresseeLine(
              addressee.unit,
              context.locale === 'sv' ? addressee.statusSv : addressee.statusEn,
              addressee.answeredOn,
            ),
          ),
          ...rich(addressee.answer),
        ]),
      });
    const parts = rows.filter((part) => part.parentId === row.id);
    if (parts.length > 0)
      blocks.push({
        type: 'list',
        ordered: false,
        items: parts.map((part, index) => item(part, part.number ?? `${number}.${index + 1}`)),
      });
    return blocks;
  };

  for (const reviewId of reviewIds) {
    const topLevel = rows.filter((row) => row.reviewId === reviewId && row.parentId === null);
    if (topLevel.length === 0) continue;
    result.set(reviewId, [
      {
        type: 'list',
        ordered: false,
        items: topLevel.map((row, index) => item(row, row.number ?? String(index + 1))),
      },
    ]);
  }
  return result;
}
