import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { directoryGroups } from '../../db/schema/directory.ts';
import { assertMembers, changeMembership, syncDirectoryRoles } from './group-membership.ts';
import { assertGroupNameFree, scimGroupColumns } from './group-rules.ts';
import type { ScimCaller } from './scim-auth.ts';
import type { GroupAttributes } from './group-attributes.ts';

/**
 * Provisions a group (POST /Groups) with the members it names: each member's `groups` claim
 * now carries its name and external id, and the rules give them their roles. A live group of
 * the same name (without regard to case) is 409 uniqueness.
 */
export async function createScimGroup(
  tx: Transaction,
  caller: ScimCaller,
  attributes: GroupAttributes & { displayName: string },
) {
  await assertGroupNameFree(tx, caller, attributes.displayName, null);
  const members = await assertMembers(tx, caller, attributes.members ?? []);
  const [row] = await tx
    .insert(directoryGroups)
    .values({
      tenantId: caller.tenantId,
      displayName: attributes.displayName,
      externalId: attributes.externalId ?? null,
      createdAt: caller.now,
      updatedAt: caller.now,
    })
    .returning(scimGroupColumns);
  await recordAuditEvents(tx, caller.actor, [
    {
      entityType: 'directory_group',
      entityId: row!.id,
      operation: 'create',
      changes: {
        displayName: [null, row!.displayName],
        ...(row!.externalId ? { externalId: [null, row!.externalId] } : {}),
      },
    },
  ]);
  const changed = await changeMembership(tx, caller, row!, { join: members });
  await syncDirectoryRoles(tx, caller, changed);
  return row!;
}
