import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { followUpListQuery } from '../../../domain/contracts/follow-ups.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { unitsChefedBy } from '../../functions/function-holders.ts';
import { plans } from '../../db/schema/plans.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { latestFollowUpCondition } from '../../plan-items/latest-follow-ups.ts';
import { selectWithUnit } from './follow-up-rules.ts';

/**
 * Submitted follow-ups the caller may review: of units they manage, or of units whose chef they
 * are today where someone else wrote them (the rule of the review step).
 */
async function awaitingReviewBy(db: Database, access: Access): Promise<SQL> {
  const managed = access.unitIdsWithRole(MANAGING_ROLES);
  const chefed = (await unitsChefedBy(db, access.tenantId, access.userId, access.today))
    .map((unit) => unit.unitId)
    .filter((unitId) => access.canRead(unitId) && !managed.includes(unitId));
  const mayReview = [
    ...(managed.length > 0 ? [inArray(plans.unitId, managed)] : []),
    ...(chefed.length > 0
      ? [and(inArray(plans.unitId, chefed), sql`${followUps.authorId} is distinct from ${access.userId}`)!]
      : []),
  ];
  return and(eq(followUps.reviewState, 'submitted'), mayReview.length > 0 ? or(...mayReview)! : sql`false`)!;
}

/**
 * A page of the follow-ups the caller reads, filtered by unit subtree, item, period, author and
 * review state, or only each item's latest, or those awaiting the caller's review.
 */
export async function listFollowUps(db: Database, access: Access, query: z.infer<typeof followUpListQuery>) {
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(followUps.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.controlId) where.push(eq(followUps.controlId, query.controlId));
  if (query.actionId) where.push(eq(followUps.actionId, query.actionId));
  if (query.activityId) where.push(eq(followUps.activityId, query.activityId));
  if (query.periodId) where.push(eq(followUps.periodId, query.periodId));
  if (query.authorId) where.push(eq(followUps.authorId, query.authorId));
  if (query.reviewState) where.push(eq(followUps.reviewState, query.reviewState));
  if (query.awaitingMyReview) where.push(await awaitingReviewBy(db, access));
  if (query.latest) where.push(latestFollowUpCondition(access.tenantId));
  if (!query.includeArchived) where.push(isNull(followUps.archivedAt));
  const rows = await selectWithUnit(db)
    .where(and(...where))
    .orderBy(
      ...orderBy(
        query.sort,
        { reportedOn: followUps.reportedOn, createdAt: followUps.createdAt },
        '-createdAt',
        followUps.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.followUp), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
