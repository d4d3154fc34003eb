import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { directoryGroupMembers, directoryGroups } from '../../db/schema/directory.ts';
import { localize } from '../../messages/messages.ts';
import type { ScimCaller } from './scim-auth.ts';
import { ScimError } from './scim-errors.ts';
import type { FilterClause } from './scim-filter.ts';
import { isUuid } from './scim-resource.ts';
import { scimGroupColumns } from './group-rules.ts';

/** The condition of one clause of a filter on Groups; null when it can match nothing. */
function groupCondition(tenantId: string, clause: FilterClause): SQL | null {
  switch (clause.attribute) {
    case 'displayname':
      return sql`lower(${directoryGroups.displayName}) = lower(${clause.value})`;
    case 'externalid':
      return eq(directoryGroups.externalId, clause.value);
    case 'id':
      return isUuid(clause.value) ? eq(directoryGroups.id, clause.value) : null;
    case 'members':
    case 'members.value':
      return isUuid(clause.value) ? inArray(directoryGroups.id, sqlMembersOf(tenantId, clause.value)) : null;
    default:
      throw new ScimError(
        400,
        localize((m) => m.scim.invalidFilter),
        'invalidFilter',
      );
  }
}

function sqlMembersOf(tenantId: string, userId: string) {
  return sql`(select ${directoryGroupMembers.groupId} from ${directoryGroupMembers} where ${directoryGroupMembers.tenantId} = ${tenantId} and ${directoryGroupMembers.userId} = ${userId} and ${directoryGroupMembers.endedAt} is null)`;
}

/** A page of the caller's tenant's live groups that match every clause, oldest first. */
export async function listScimGroups(
  db: Database,
  caller: ScimCaller,
  query: { filter: FilterClause[]; startIndex: number; count: number },
) {
  const conditions = query.filter.map((clause) => groupCondition(caller.tenantId, clause));
  if (conditions.includes(null)) return { rows: [], total: 0 };
  const where = and(
    eq(directoryGroups.tenantId, caller.tenantId),
    isNull(directoryGroups.archivedAt),
    ...(conditions as SQL[]),
  );
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)` })
    .from(directoryGroups)
    .where(where);
  const rows =
    query.count === 0
      ? []
      : await db
          .select(scimGroupColumns)
          .from(directoryGroups)
          .where(where)
          .orderBy(asc(directoryGroups.createdAt), asc(directoryGroups.id))
          .limit(query.count)
          .offset(query.startIndex - 1);
  return { rows, total: Number(total) };
}
