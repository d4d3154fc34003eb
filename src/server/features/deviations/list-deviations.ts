import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { deviationListQuery } from '../../../domain/contracts/deviations.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { plans } from '../../db/schema/plans.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { selectWithUnit } from './deviation-rules.ts';
import { withSeverityRefs } from '../../deviations/severity-refs.ts';

/** A page of the deviations the caller reads, filtered by unit subtree, control, plan, state, severity and the dates they were found. */
export async function listDeviations(db: Database, access: Access, query: z.infer<typeof deviationListQuery>) {
  if (query.planId) await findReadablePlan(db, access, query.planId);
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(deviations.tenantId, access.tenantId)];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.controlId) where.push(eq(deviations.controlId, query.controlId));
  if (query.planId) where.push(eq(plans.id, query.planId));
  if (query.state) where.push(eq(deviations.state, query.state));
  if (query.severityId) where.push(eq(deviations.severityId, query.severityId));
  if (query.from) where.push(gte(deviations.foundOn, query.from));
  if (query.to) where.push(lte(deviations.foundOn, query.to));
  if (!query.includeArchived) where.push(isNull(deviations.archivedAt));
  const rows = await selectWithUnit(db)
    .where(and(...where))
    .orderBy(
      ...orderBy(query.sort, { foundOn: deviations.foundOn, title: deviations.title }, '-foundOn', deviations.id),
    )
    .limit(query.limit)
    .offset(query.offset);
  const items = await withSeverityRefs(
    db,
    access.tenantId,
    rows.map((row) => row.deviation),
  );
  return { items, total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
