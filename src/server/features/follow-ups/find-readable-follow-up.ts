import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { AppError } from '../../errors.ts';
import { selectWithUnit, type FollowUpRow } from './follow-up-rules.ts';

export interface FindReadableFollowUpOptions {
  followUpId: string;
}

/** A follow-up the caller may read, with its unit; otherwise not found. */
export async function findReadableFollowUp(
  db: Database,
  access: Access,
  { followUpId }: FindReadableFollowUpOptions,
): Promise<FollowUpRow & { unitId: string }> {
  const [row] = await selectWithUnit(db).where(
    and(eq(followUps.tenantId, access.tenantId), eq(followUps.id, followUpId)),
  );
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return { ...row.followUp, unitId: row.unitId };
}
