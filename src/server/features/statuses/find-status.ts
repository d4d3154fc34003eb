import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { AppError } from '../../errors.ts';

export interface FindStatusOptions {
  statusId: string;
}

/** A status of the caller's tenant, active or not; otherwise not found. */
export async function findStatus(db: Database, access: Access, { statusId }: FindStatusOptions) {
  const [row] = await db
    .select()
    .from(statuses)
    .where(and(eq(statuses.tenantId, access.tenantId), eq(statuses.id, statusId)));
  if (!row) throw new AppError('not_found');
  return row;
}
