import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { recommendation, recommendationCreate, recommendationListQuery, recommendationUpdate } from '../../../domain/contracts/recommendations.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import { insertAudited, setArchived, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { overdueCondition } from '../../plan-items/item-details.ts';

const presentRecommendation = presentAs(recommendation);

/** Not done: no status, or one whose category is not completed. */
const notDone = (tenantId: string) => sql`(${recommendations.statusId} is null or ${recommendations.statusId} not in (select id from statuses where tenant_id = ${tenantId} and category = 'completed'))`;

async function findReadableRecommendation(db: Database, access: Access, id: string) {
  const [row] = await db
    .select({ recommendation: recommendations, unitId: plans.unitId })
    .from(recommendations)
    .innerJoin(reviews, and(eq(reviews.tenantId, recommendations.tenantId), eq(reviews.id, recommendations.reviewId)))
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(eq(recommendations.tenantId, access.tenantId), eq(recommendations.id, id)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.recommendation, unitId: row.unitId };
}

async function reviewUnit(db: Database, access: Access, reviewId: string): Promise<string> {
  const [row] = await db
    .select({ unitId: plans.unitId })
    .from(reviews)
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(eq(reviews.tenantId, access.tenantId), eq(reviews.id, reviewId)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('validation_failed', undefined, [{ path: 'reviewId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
  return row.unitId;
}

async function listRecommendations(db: Database, access: Access, query: z.infer<typeof recommendationListQuery>) {
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(recommendations.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.reviewId) where.push(eq(recommendations.reviewId, query.reviewId));
  if (query.open === true) where.push(notDone(access.tenantId));
  if (query.open === false) where.push(sql`not ${notDone(access.tenantId)}`);
  if (query.overdue !== undefined) {
    const overdue = overdueCondition(recommendations.dueDate, recommendations.statusId, access.tenantId, access.today);
    where.push(query.overdue ? overdue : sql`not ${overdue}`);
  }
  if (!query.includeArchived) where.push(isNull(recommendations.archivedAt));
  const rows = await db
    .select({ recommendation: recommendations, total: sql<number>`count(*) over ()` })
    .from(recommendations)
    .innerJoin(reviews, and(eq(reviews.tenantId, recommendations.tenantId), eq(reviews.id, recommendations.reviewId)))
    .innerJoin(plans, and(eq(plans.tenantId, reviews.tenantId), eq(plans.id, reviews.planId)))
    .where(and(...where))
    .orderBy(...orderBy(query.sort, { dueDate: recommendations.dueDate, sortOrder: recommendations.sortOrder }, 'sortOrder', recommendations.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.recommendation), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}

async function createRecommendation(tx: Transaction, access: Access, input: z.infer<typeof recommendationCreate>) {
  const unitId = await reviewUnit(tx, access, input.reviewId);
  access.assertRole(unitId, MANAGING_ROLES);
  return insertAudited(tx, recommendations, { ...input, tenantId: access.tenantId }, { actor: access.actor, entityType: 'recommendation', unitId });
}

async function updateRecommendation(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof recommendationUpdate>, 'version'>) {
  const { unitId, ...current } = await findReadableRecommendation(tx, access, id);
  access.assertRole(unitId, MANAGING_ROLES);
  return updateAudited(tx, recommendations, { current, expectedVersion: version, values: changes, present: presentRecommendation }, { actor: access.actor, entityType: 'recommendation', unitId });
}

async function archiveRecommendation(tx: Transaction, access: Access, id: string, archived: boolean) {
  const { unitId, ...current } = await findReadableRecommendation(tx, access, id);
  access.assertMayArchive(unitId);
  return setArchived(tx, recommendations, current, archived, { actor: access.actor, entityType: 'recommendation', unitId });
}

/** Recommendations of reviews and auditors: recommendation → the nämnd's answer → what was done → status. */
export function recommendationRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/recommendations',
    tags: ['Reviews'],
    noun: 'recommendation',
    output: recommendation,
    createInput: recommendationCreate,
    updateInput: recommendationUpdate,
    listQuery: recommendationListQuery,
    present: presentRecommendation,
    list: listRecommendations,
    find: findReadableRecommendation,
    create: createRecommendation,
    update: updateRecommendation,
    archive: archiveRecommendation,
  });
  return router;
}
