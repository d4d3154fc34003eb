import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';

export type UserRow = typeof users.$inferSelect;

export interface FindUserOptions {
  userId: string;
}

/** A person of the caller's tenant, deactivated or not; otherwise not found. */
export async function findUser(db: Database, access: Access, { userId }: FindUserOptions): Promise<UserRow> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, access.tenantId), eq(users.id, userId)));
  if (!row) throw new AppError('not_found');
  return row;
}
