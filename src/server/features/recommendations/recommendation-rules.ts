import { and, eq } from 'drizzle-orm';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { AppError, type LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

const invalid = (path: string, message: LocalizedText) =>
  new AppError('validation_failed', undefined, [{ path, message }]);

/**
 * The recommendation is maintained by the managers of its review's unit. The caller reads it
 * already (through the review or as an addressee), so lacking the role is forbidden, not "not found".
 */
export function assertManagesRecommendation(access: Access, reviewUnitId: string): void {
  access.assertMayWrite();
  if (!access.hasRole(reviewUnitId, MANAGING_ROLES))
    throw new AppError(
      'forbidden',
      localize((m) => m.access.roleDoesNotAllow),
    );
}

/**
 * A sub-recommendation's parent is a top-level recommendation of the same review: one level
 * ("2.1" under "2") is what auditors number, and it rules out cycles. A recommendation that has
 * sub-recommendations of its own does not become one.
 */
export async function checkParent(
  db: Database,
  tenantId: string,
  { reviewId, parentId, selfId }: { reviewId: string; parentId: string | null | undefined; selfId?: string },
): Promise<void> {
  if (!parentId) return;
  if (parentId === selfId)
    throw invalid(
      'parentId',
      localize((m) => m.recommendationsToUnits.parentIsSelf),
    );
  const [parent] = await db
    .select({ reviewId: recommendations.reviewId, parentId: recommendations.parentId })
    .from(recommendations)
    .where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, parentId)));
  if (!parent)
    throw invalid(
      'parentId',
      localize((m) => m.validation.doesNotExist),
    );
  if (parent.reviewId !== reviewId)
    throw invalid(
      'parentId',
      localize((m) => m.recommendationsToUnits.parentOfAnotherReview),
    );
  if (parent.parentId !== null)
    throw invalid(
      'parentId',
      localize((m) => m.recommendationsToUnits.parentIsPart),
    );
  if (selfId) {
    const [child] = await db
      .select({ id: recommendations.id })
      .from(recommendations)
      .where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.parentId, selfId)))
      .limit(1);
    if (child)
      throw invalid(
        'parentId',
        localize((m) => m.recommendationsToUnits.hasParts),
      );
  }
}

/** The addressed unit is a unit of the caller's tenant; otherwise 400 naming `unitId`. */
export async function checkAddressedUnit(db: Database, tenantId: string, unitId: string): Promise<void> {
  const [unit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, unitId)));
  if (!unit)
    throw invalid(
      'unitId',
      localize((m) => m.validation.doesNotExist),
    );
}
