import { and, eq } from 'drizzle-orm';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { directoryGroups } from '../../db/schema/directory.ts';
import { changeMembership, syncDirectoryRoles } from './group-membership.ts';
import { findScimGroup } from './group-rules.ts';
import type { ScimCaller } from './scim-auth.ts';

/**
 * DELETE /Groups/{id}: the directory no longer provisions the group. It is archived, never
 * deleted, and every membership ends (audited on each person), so the roles its rules gave are
 * taken back. A group of the same name can then be provisioned again.
 */
export async function deleteScimGroup(tx: Transaction, caller: ScimCaller, { groupId }: { groupId: string }) {
  const current = await findScimGroup(tx, caller, groupId, true);
  const former = await changeMembership(tx, caller, current, { leave: 'all' });
  await tx
    .update(directoryGroups)
    .set({ archivedAt: caller.now, version: current.version + 1, updatedAt: caller.now })
    .where(and(eq(directoryGroups.tenantId, caller.tenantId), eq(directoryGroups.id, current.id)));
  await recordAuditEvents(tx, caller.actor, [
    {
      entityType: 'directory_group',
      entityId: current.id,
      operation: 'archive',
      changes: { archivedAt: [null, caller.now.toISOString()] },
    },
  ]);
  await syncDirectoryRoles(tx, caller, former);
}
