import { and, eq } from 'drizzle-orm';
import { changedFields } from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { directoryGroups } from '../../db/schema/directory.ts';
import type { GroupAttributes, MemberChange } from './group-attributes.ts';
import { assertMembers, changeMembership, groupMembers, syncDirectoryRoles } from './group-membership.ts';
import { assertGroupNameFree, findScimGroup, scimGroupColumns } from './group-rules.ts';
import type { ScimCaller } from './scim-auth.ts';

export interface UpdateScimGroupOptions {
  groupId: string;
  /** The name and external id to set; absent ones stay. */
  attributes: Omit<GroupAttributes, 'members'>;
  /** PATCH: the changes of membership in the order sent. */
  memberChanges?: MemberChange[];
  /** PUT: the whole membership. */
  members?: string[];
}

/**
 * Changes a group (PATCH or PUT /Groups/{id}): its name or external id, and who is in it. Each
 * joining and leaving is audited on the person; everyone whose `groups` claim changed — those
 * who joined or left, and every member when the name or external id changed — gets the roles
 * the rules now give. A member id that is no provisioned person of the tenant is 400, and
 * nothing is written.
 */
export async function updateScimGroup(tx: Transaction, caller: ScimCaller, options: UpdateScimGroupOptions) {
  const current = await findScimGroup(tx, caller, options.groupId, true);
  const before = new Set((await groupMembers(tx, caller.tenantId, [current.id])).map((member) => member.userId));
  let after = new Set(before);
  const lower = (ids: string[]) => ids.map((id) => id.toLowerCase());
  for (const change of options.memberChanges ?? []) {
    if (change.kind === 'add') for (const id of lower(change.ids)) after.add(id);
    else if (change.kind === 'remove') for (const id of lower(change.ids)) after.delete(id);
    else if (change.kind === 'removeAll') after.clear();
    else after = new Set(lower(change.ids));
  }
  if (options.members !== undefined) after = new Set(lower(options.members));
  const joining = await assertMembers(
    tx,
    caller,
    [...after].filter((id) => !before.has(id)),
  );
  const leaving = [...before].filter((id) => !after.has(id));

  let row = current;
  const changes = changedFields(current, options.attributes);
  if (Object.keys(changes).length > 0) {
    if (changes.displayName) await assertGroupNameFree(tx, caller, options.attributes.displayName!, current.id);
    const set = Object.fromEntries(Object.keys(changes).map((field) => [field, changes[field]![1]]));
    const [updated] = await tx
      .update(directoryGroups)
      .set({ ...set, version: current.version + 1, updatedAt: caller.now })
      .where(and(eq(directoryGroups.tenantId, caller.tenantId), eq(directoryGroups.id, current.id)))
      .returning(scimGroupColumns);
    row = updated!;
    await recordAuditEvents(tx, caller.actor, [
      { entityType: 'directory_group', entityId: current.id, operation: 'update', changes },
    ]);
  }
  const changed = await changeMembership(tx, caller, row, { join: joining, leave: leaving });
  const claimsChanged = Object.keys(changes).length > 0 ? [...after] : [];
  await syncDirectoryRoles(tx, caller, [...changed, ...claimsChanged]);
  return row;
}
