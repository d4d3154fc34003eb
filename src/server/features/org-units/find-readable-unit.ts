import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { AppError } from '../../errors.ts';

export type UnitRow = typeof orgUnits.$inferSelect;

export interface FindReadableUnitOptions {
  unitId: string;
}

/** The unit, if it exists in the caller's tenant and they may read it; otherwise not found. */
export async function findReadableUnit(
  db: Database,
  access: Access,
  { unitId }: FindReadableUnitOptions,
): Promise<UnitRow> {
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, unitId)));
  if (!unit) throw new AppError('not_found');
  access.assertRead(unit.id);
  return unit;
}
