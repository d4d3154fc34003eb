import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { review, reviewCreate, reviewListQuery, reviewUpdate } from '../../../domain/contracts/reviews.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan, type PlanRow } from '../../access/plan-scope.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import { insertAudited, setArchived, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';

const presentReview = presentAs(review);

async function findReadableReview(db: Database, access: Access, id: string) {
  const [row] = await db
    .select({ review: reviews, unitId: plans.unitId })
    .from(reviews)
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(eq(reviews.tenantId, access.tenantId), eq(reviews.id, id)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.review, unitId: row.unitId };
}

async function checkRisk(db: Database, plan: PlanRow, riskId: string | null | undefined) {
  if (!riskId) return;
  const [risk] = await db.select({ id: risks.id }).from(risks).where(and(eq(risks.tenantId, plan.tenantId), eq(risks.id, riskId), eq(risks.planId, plan.id)));
  if (!risk) throw new AppError('validation_failed', undefined, [{ path: 'riskId', message: { sv: 'Finns inte i planen.', en: 'Not in the plan.' } }]);
}

async function listReviews(db: Database, access: Access, query: z.infer<typeof reviewListQuery>) {
  if (query.planId) await findReadablePlan(db, access, query.planId);
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(reviews.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.planId) where.push(eq(reviews.planId, query.planId));
  if (query.year !== undefined) where.push(lte(plans.startYear, query.year), gte(plans.endYear, query.year));
  if (query.statusId) where.push(eq(reviews.statusId, query.statusId));
  if (!query.includeArchived) where.push(isNull(reviews.archivedAt));
  const rows = await db
    .select({ review: reviews, total: sql<number>`count(*) over ()` })
    .from(reviews)
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(...where))
    .orderBy(...orderBy(query.sort, { title: reviews.title, meetingDate: reviews.meetingDate, sortOrder: reviews.sortOrder }, 'sortOrder', reviews.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.review), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}

async function createReview(tx: Transaction, access: Access, input: z.infer<typeof reviewCreate>) {
  const plan = await findReadablePlan(tx, access, input.planId, 'planId');
  access.assertRole(plan.unitId, MANAGING_ROLES);
  await checkRisk(tx, plan, input.riskId);
  return insertAudited(tx, reviews, { ...input, tenantId: access.tenantId }, { actor: access.actor, entityType: 'review', unitId: plan.unitId });
}

async function updateReview(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof reviewUpdate>, 'version'>) {
  const { unitId, ...current } = await findReadableReview(tx, access, id);
  access.assertRole(unitId, MANAGING_ROLES);
  await checkRisk(tx, await findReadablePlan(tx, access, current.planId), changes.riskId);
  return updateAudited(tx, reviews, { current, expectedVersion: version, values: changes, present: presentReview }, { actor: access.actor, entityType: 'review', unitId });
}

async function archiveReview(tx: Transaction, access: Access, id: string, archived: boolean) {
  const { unitId, ...current } = await findReadableReview(tx, access, id);
  access.assertMayArchive(unitId);
  return setArchived(tx, reviews, current, archived, { actor: access.actor, entityType: 'review', unitId });
}

/** Granskningar of plans: list, one, create, change, archive. */
export function reviewRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/reviews',
    tags: ['Reviews'],
    noun: 'review',
    output: review,
    createInput: reviewCreate,
    updateInput: reviewUpdate,
    listQuery: reviewListQuery,
    present: presentReview,
    list: listReviews,
    find: findReadableReview,
    create: createReview,
    update: updateReview,
    archive: archiveReview,
  });
  return router;
}
