import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { controlResultListQuery } from '../../../domain/contracts/control-results.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { plans } from '../../db/schema/plans.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { selectWithUnit, withDeviationIds } from './control-result-rules.ts';

/** A page of the results the caller reads, filtered by unit subtree, control, period, plan and outcome. */
export async function listControlResults(db: Database, access: Access, query: z.infer<typeof controlResultListQuery>) {
  if (query.planId) await findReadablePlan(db, access, query.planId);
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(controlResults.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.controlId) where.push(eq(controlResults.controlId, query.controlId));
  if (query.periodId) where.push(eq(controlResults.periodId, query.periodId));
  if (query.planId) where.push(eq(plans.id, query.planId));
  if (query.outcome) where.push(eq(controlResults.outcome, query.outcome));
  if (!query.includeArchived) where.push(isNull(controlResults.archivedAt));
  const rows = await selectWithUnit(db)
    .where(and(...where))
    .orderBy(
      ...orderBy(
        query.sort,
        { performedOn: controlResults.performedOn, createdAt: controlResults.createdAt },
        '-createdAt',
        controlResults.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  return {
    items: await withDeviationIds(
      db,
      access.tenantId,
      rows.map((row) => row.result),
    ),
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
  };
}
