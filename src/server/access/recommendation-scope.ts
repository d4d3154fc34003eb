import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { recommendationAddressees } from '../db/schema/recommendation-addressees.ts';
import { recommendations } from '../db/schema/recommendations.ts';
import { reviews } from '../db/schema/reviews.ts';
import type { Access } from './access.ts';

/**
 * A recommendation belongs to its review's unit; a recommendation addressed to other nämnder
 * (a review that spans several) is read by each addressed unit as well. A sub-recommendation is
 * read by the units its parent is addressed to. These are the one rule for that, for the lists
 * and for single reads of recommendations and of their reviews.
 */

/** The units a recommendation is addressed to, directly or through its parent. */
export async function addressedUnitIds(
  db: Database,
  tenantId: string,
  recommendation: { id: string; parentId: string | null },
): Promise<string[]> {
  const ids = recommendation.parentId ? [recommendation.id, recommendation.parentId] : [recommendation.id];
  const rows = await db
    .selectDistinct({ unitId: recommendationAddressees.unitId })
    .from(recommendationAddressees)
    .where(
      and(eq(recommendationAddressees.tenantId, tenantId), inArray(recommendationAddressees.recommendationId, ids)),
    );
  return rows.map((row) => row.unitId);
}

/** Whether the caller reads a recommendation: its review's unit, or a unit it is addressed to. */
export function readsRecommendation(access: Access, reviewUnitId: string, addressed: readonly string[]): boolean {
  return access.canRead(reviewUnitId) || addressed.some((unitId) => access.canRead(unitId));
}

/** SQL: the recommendation in the query (`recommendations`) is addressed, itself or through its parent, to one of `units`. */
export function recommendationAddressedTo(db: Database, tenantId: string, units: string[]): SQL {
  if (units.length === 0) return sql`false`;
  return sql`exists (${db
    .select({ one: sql`1` })
    .from(recommendationAddressees)
    .where(
      and(
        eq(recommendationAddressees.tenantId, tenantId),
        inArray(recommendationAddressees.unitId, units),
        or(
          eq(recommendationAddressees.recommendationId, recommendations.id),
          eq(recommendationAddressees.recommendationId, recommendations.parentId),
        ),
      ),
    )})`;
}

/** SQL: the review in the query (`reviews`) has a recommendation (not archived) addressed to one of `units`. */
export function reviewAddressedTo(db: Database, tenantId: string, units: string[]): SQL {
  if (units.length === 0) return sql`false`;
  return sql`exists (${db
    .select({ one: sql`1` })
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
        inArray(recommendationAddressees.unitId, units),
        eq(recommendations.reviewId, reviews.id),
        isNull(recommendations.archivedAt),
      ),
    )})`;
}

/** Whether the caller reads a review through one of its recommendations being addressed to a unit they read. */
export async function readsReviewAsAddressee(db: Database, access: Access, reviewId: string): Promise<boolean> {
  const readable = access.readableUnitIds();
  if (readable === 'all') return true;
  if (readable.length === 0) return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
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
        eq(recommendationAddressees.tenantId, access.tenantId),
        inArray(recommendationAddressees.unitId, readable),
        eq(recommendations.reviewId, reviewId),
        isNull(recommendations.archivedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}
