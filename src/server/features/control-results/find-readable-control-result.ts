import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { AppError } from '../../errors.ts';
import { selectWithUnit, type ScopedControlResult } from './control-result-rules.ts';

export interface FindReadableControlResultOptions {
  resultId: string;
}

/** A result the caller may read, as stored, with its control's plan and unit; otherwise not found. */
export async function findReadableControlResult(
  db: Database,
  access: Access,
  { resultId }: FindReadableControlResultOptions,
): Promise<ScopedControlResult> {
  const [row] = await selectWithUnit(db).where(
    and(eq(controlResults.tenantId, access.tenantId), eq(controlResults.id, resultId)),
  );
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.result, unitId: row.unitId, planId: row.planId, planYear: row.planYear };
}
