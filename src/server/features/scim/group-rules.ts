import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { directoryGroups } from '../../db/schema/directory.ts';
import { localize } from '../../messages/messages.ts';
import type { ScimCaller } from './scim-auth.ts';
import { invalidValue, ScimError, uniqueness } from './scim-errors.ts';
import { attribute, isObject, isUuid } from './scim-resource.ts';

export const scimGroupColumns = {
  id: directoryGroups.id,
  displayName: directoryGroups.displayName,
  externalId: directoryGroups.externalId,
  version: directoryGroups.version,
  createdAt: directoryGroups.createdAt,
  updatedAt: directoryGroups.updatedAt,
};

/** A live (not deleted) group of the caller's tenant, locked when it is to be changed; else 404. */
export async function findScimGroup(tx: Database, caller: ScimCaller, groupId: string, lock = false) {
  const notFound = () =>
    new ScimError(
      404,
      localize((m) => m.scim.groupNotFound),
    );
  if (!isUuid(groupId)) throw notFound();
  const query = tx
    .select(scimGroupColumns)
    .from(directoryGroups)
    .where(
      and(
        eq(directoryGroups.tenantId, caller.tenantId),
        eq(directoryGroups.id, groupId),
        isNull(directoryGroups.archivedAt),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/** 409 uniqueness when another live group of the tenant has the name (without regard to case). */
export async function assertGroupNameFree(
  tx: Transaction,
  caller: ScimCaller,
  displayName: string,
  exceptId: string | null,
) {
  const [taken] = await tx
    .select({ id: directoryGroups.id })
    .from(directoryGroups)
    .where(
      and(
        eq(directoryGroups.tenantId, caller.tenantId),
        isNull(directoryGroups.archivedAt),
        sql`lower(${directoryGroups.displayName}) = lower(${displayName})`,
        exceptId ? ne(directoryGroups.id, exceptId) : undefined,
      ),
    );
  if (taken) throw uniqueness(localize((m) => m.scim.groupNameTaken(displayName)));
}

/** The person ids of a `members` value: a list of `{ "value": id }` (or one such object). */
export function memberIds(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.map((member) => {
    const id = isObject(member) ? attribute(member, 'value') : member;
    if (typeof id !== 'string' || id.trim() === '') throw invalidValue(localize((m) => m.scim.invalidValue('members')));
    return id.trim();
  });
}
