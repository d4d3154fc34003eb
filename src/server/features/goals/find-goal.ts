import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { goals } from '../../db/schema/goals.ts';
import { AppError } from '../../errors.ts';

export interface FindGoalOptions {
  goalId: string;
}

/** A goal of a unit the caller reads, archived or not; otherwise not found. */
export async function findGoal(db: Database, access: Access, { goalId }: FindGoalOptions) {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.tenantId, access.tenantId), eq(goals.id, goalId)));
  if (!row) throw new AppError('not_found');
  access.assertRead(row.unitId);
  return row;
}
