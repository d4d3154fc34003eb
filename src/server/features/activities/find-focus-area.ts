import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { focusAreas } from '../../db/schema/activities.ts';
import { AppError } from '../../errors.ts';

/** One of the tenant's focus areas; otherwise not found. */
export async function findFocusArea(db: Database, access: Access, { focusAreaId }: { focusAreaId: string }) {
  const [row] = await db
    .select()
    .from(focusAreas)
    .where(and(eq(focusAreas.tenantId, access.tenantId), eq(focusAreas.id, focusAreaId)));
  if (!row) throw new AppError('not_found');
  return row;
}
