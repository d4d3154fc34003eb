import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { localize } from '../../messages/messages.ts';
import type { ScimCaller } from './scim-auth.ts';
import { ScimError } from './scim-errors.ts';
import type { FilterClause } from './scim-filter.ts';
import { isUuid } from './scim-resource.ts';
import { provisioned, scimUserColumns } from './user-rules.ts';

/** The condition of one clause of a filter on Users; null when it can match nobody. */
function userCondition(clause: FilterClause): SQL | null {
  switch (clause.attribute) {
    case 'username':
      return sql`lower(${users.scimUserName}) = lower(${clause.value})`;
    case 'externalid':
      return eq(users.scimExternalId, clause.value);
    case 'id':
      return isUuid(clause.value) ? eq(users.id, clause.value) : null;
    case 'displayname':
      return eq(users.name, clause.value);
    case 'emails':
    case 'emails.value':
      return sql`lower(${users.email}) = lower(${clause.value})`;
    case 'active':
      return clause.value === 'true' ? sql`${users.deactivatedAt} is null` : sql`${users.deactivatedAt} is not null`;
    default:
      throw new ScimError(
        400,
        localize((m) => m.scim.invalidFilter),
        'invalidFilter',
      );
  }
}

/** A page of the people the directory provisioned in the caller's tenant that match every clause, oldest first. */
export async function listScimUsers(
  db: Database,
  caller: ScimCaller,
  query: { filter: FilterClause[]; startIndex: number; count: number },
) {
  const conditions = query.filter.map(userCondition);
  if (conditions.includes(null)) return { rows: [], total: 0 };
  const where = and(provisioned(caller.tenantId), ...(conditions as SQL[]));
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)` })
    .from(users)
    .where(where);
  const rows =
    query.count === 0
      ? []
      : await db
          .select(scimUserColumns)
          .from(users)
          .where(where)
          .orderBy(asc(users.createdAt), asc(users.id))
          .limit(query.count)
          .offset(query.startIndex - 1);
  return { rows, total: Number(total) };
}
