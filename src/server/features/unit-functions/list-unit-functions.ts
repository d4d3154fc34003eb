import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { unitFunctionListQuery } from '../../../domain/contracts/unit-functions.ts';
import type { Access } from '../../access/access.ts';
import { ancestorUnitIds, findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { unitFunctions } from '../../db/schema/unit-functions.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { withHolders } from './unit-function-rules.ts';

/**
 * A page of functions: of one unit (with `includeAncestors`, also of the units above it, which
 * a control of the unit may name), or of every unit the caller reads. Each with who holds it today.
 */
export async function listUnitFunctions(db: Database, access: Access, query: z.infer<typeof unitFunctionListQuery>) {
  let unitIds: string[] | 'all';
  if (query.unitId === undefined) unitIds = access.readableUnitIds();
  else {
    // Not found unless the caller reads the unit; the units above it are named on its controls.
    await findReadableUnitIds(db, access, query.unitId);
    unitIds = query.includeAncestors ? await ancestorUnitIds(db, access.tenantId, query.unitId) : [query.unitId];
  }
  const where: (SQL | undefined)[] = [eq(unitFunctions.tenantId, access.tenantId)];
  if (unitIds !== 'all') where.push(unitIds.length > 0 ? inArray(unitFunctions.unitId, unitIds) : sql`false`);
  if (!query.includeArchived) where.push(isNull(unitFunctions.archivedAt));
  const rows = await db
    .select({ fn: unitFunctions, total: sql<number>`count(*) over ()` })
    .from(unitFunctions)
    .where(and(...where))
    .orderBy(...orderBy(query.sort, { name: unitFunctions.name }, 'name', unitFunctions.id))
    .limit(query.limit)
    .offset(query.offset);
  return {
    items: await withHolders(
      db,
      access,
      rows.map((row) => row.fn),
    ),
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
  };
}
