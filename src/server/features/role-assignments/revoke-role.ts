import { and, eq, sql } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { AppError } from '../../errors.ts';
import { assertMayGrant } from './role-assignment-rules.ts';

export interface RevokeRoleOptions {
  /** The role assignment to end. */
  roleAssignmentId: string;
}

/**
 * Takes a role away: the assignment is revoked, never deleted. Who may do it is who may give
 * the role; revoking one already revoked changes nothing.
 */
export async function revokeRole(tx: Transaction, access: Access, { roleAssignmentId }: RevokeRoleOptions) {
  const [current] = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, access.tenantId), eq(roleAssignments.id, roleAssignmentId)));
  if (!current || !access.canRead(current.unitId)) throw new AppError('not_found');
  const [unit] = await tx
    .select({ id: orgUnits.id, parentId: orgUnits.parentId })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, current.unitId)));
  await assertMayGrant(tx, access, unit!, current.role, 'revoke');
  if (current.revokedAt) return current;
  const [revoked] = await tx
    .update(roleAssignments)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(roleAssignments.tenantId, access.tenantId), eq(roleAssignments.id, roleAssignmentId)))
    .returning();
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: 'role_assignment',
      entityId: roleAssignmentId,
      operation: 'revoke',
      unitId: current.unitId,
      changes: { revokedAt: [null, revoked!.revokedAt] },
    },
  ]);
  return revoked!;
}
