import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { AppError } from '../../errors.ts';
import { selectWithUnit } from './deviation-rules.ts';

export interface FindReadableDeviationOptions {
  deviationId: string;
}

/** A deviation the caller may read, with its control's plan and unit; otherwise not found. */
export async function findReadableDeviation(
  db: Database,
  access: Access,
  { deviationId }: FindReadableDeviationOptions,
) {
  const [row] = await selectWithUnit(db).where(
    and(eq(deviations.tenantId, access.tenantId), eq(deviations.id, deviationId)),
  );
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.deviation, unitId: row.unitId, planId: row.planId };
}
