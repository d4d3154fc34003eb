import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAuditEvents, type AuditEntry } from '../../audit/record-audit-events.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { directoryGroupMembers } from '../../db/schema/directory.ts';
import { users } from '../../db/schema/users.ts';
import { localize } from '../../messages/messages.ts';
import { applyRoleMappings, directoryClaims } from '../../sso/role-mapping.ts';
import type { ScimCaller } from './scim-auth.ts';
import { invalidValue } from './scim-errors.ts';
import { isUuid } from './scim-resource.ts';

/** A group as membership changes need it. */
export interface GroupRef {
  id: string;
  displayName: string;
}

/**
 * Brings each person's rule-given roles in line with the groups they are in now: the rules for
 * every source (no provider) give and take roles, audited with the actor "scim". Called after
 * every change of membership, of a group's name or external id, and when a person is created or
 * reactivated.
 */
export async function syncDirectoryRoles(tx: Transaction, caller: ScimCaller, userIds: Iterable<string>) {
  const unique = [...new Set(userIds)].sort();
  const claims = await directoryClaims(tx, caller.tenantId, unique);
  for (const userId of unique) {
    await applyRoleMappings(tx, {
      tenantId: caller.tenantId,
      userId,
      providerId: null,
      values: { groups: claims.get(userId) ?? [] },
      actor: caller.actor,
      now: caller.now,
    });
  }
}

/** The live members of a group: who they are, by name. */
export async function groupMembers(tx: Database, tenantId: string, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return tx
    .select({
      membershipId: directoryGroupMembers.id,
      groupId: directoryGroupMembers.groupId,
      userId: directoryGroupMembers.userId,
      name: users.name,
    })
    .from(directoryGroupMembers)
    .innerJoin(
      users,
      and(eq(users.tenantId, directoryGroupMembers.tenantId), eq(users.id, directoryGroupMembers.userId)),
    )
    .where(
      and(
        eq(directoryGroupMembers.tenantId, tenantId),
        inArray(directoryGroupMembers.groupId, groupIds),
        isNull(directoryGroupMembers.endedAt),
      ),
    )
    .orderBy(users.name, directoryGroupMembers.userId);
}

/**
 * The provisioned people a list of member ids names; an id that is no person the directory
 * provisioned in this tenant is 400 invalidValue, and nothing is written.
 */
export async function assertMembers(tx: Transaction, caller: ScimCaller, userIds: string[]) {
  const unique = [...new Set(userIds)];
  const valid = unique.filter(isUuid);
  const found =
    valid.length === 0
      ? []
      : await tx
          .select({ id: users.id, scimUserName: users.scimUserName })
          .from(users)
          .where(and(eq(users.tenantId, caller.tenantId), inArray(users.id, valid)));
  const known = new Set(found.filter((row) => row.scimUserName !== null).map((row) => row.id.toLowerCase()));
  const unknown = unique.find((id) => !known.has(id.toLowerCase()));
  if (unknown !== undefined) throw invalidValue(localize((m) => m.scim.unknownMember(unknown)));
  return unique.map((id) => id.toLowerCase());
}

/**
 * Sets who is in a group: `join` people become members (if not already), `leave` people stop
 * being members (the membership is ended, not deleted). Each change is audited on the person
 * as `group_join` or `group_leave`. Returns the people whose membership changed.
 */
export async function changeMembership(
  tx: Transaction,
  caller: ScimCaller,
  group: GroupRef,
  change: { join?: string[]; leave?: string[] | 'all' },
): Promise<string[]> {
  const current = await groupMembers(tx, caller.tenantId, [group.id]);
  const members = new Map(current.map((member) => [member.userId, member.membershipId]));
  const joining = [...new Set(change.join ?? [])].filter((userId) => !members.has(userId));
  const leaving =
    change.leave === 'all'
      ? [...members.keys()]
      : [...new Set(change.leave ?? [])].filter((userId) => members.has(userId));
  if (joining.length > 0)
    await tx
      .insert(directoryGroupMembers)
      .values(
        joining.map((userId) => ({ tenantId: caller.tenantId, groupId: group.id, userId, createdAt: caller.now })),
      );
  if (leaving.length > 0)
    await tx
      .update(directoryGroupMembers)
      .set({ endedAt: caller.now })
      .where(
        and(
          eq(directoryGroupMembers.tenantId, caller.tenantId),
          inArray(
            directoryGroupMembers.id,
            leaving.map((userId) => members.get(userId)!),
          ),
        ),
      );
  await recordAuditEvents(tx, caller.actor, [
    ...joining.map((userId): AuditEntry => ({
      entityType: 'user',
      entityId: userId,
      operation: 'group_join',
      changes: { groupId: [null, group.id], group: [null, group.displayName] },
    })),
    ...leaving.map((userId): AuditEntry => ({
      entityType: 'user',
      entityId: userId,
      operation: 'group_leave',
      changes: { groupId: [group.id, null], group: [group.displayName, null] },
    })),
  ]);
  return [...joining, ...leaving];
}
