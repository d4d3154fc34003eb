import { and, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { userListQuery } from '../../../domain/contracts/users.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { orderBy } from '../../http/list-helpers.ts';

/** A page of the tenant's persons, active ones only unless asked, matched by part of the name or e-mail address. */
export async function listUsers(db: Database, access: Access, query: z.infer<typeof userListQuery>) {
  const where: (SQL | undefined)[] = [eq(users.tenantId, access.tenantId)];
  if (!query.includeDeactivated) where.push(isNull(users.deactivatedAt));
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  const rows = await db
    .select({ user: users, total: sql<number>`count(*) over ()` })
    .from(users)
    .where(and(...where))
    .orderBy(...orderBy(query.sort, { name: users.name, email: users.email }, 'name', users.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.user), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
