import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { roleAssignmentCreate } from '../../../domain/contracts/role-assignments.ts';
import type { Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertMayGrant } from './role-assignment-rules.ts';

/** Whom to give which role on which unit: the person, the unit and the role. */
export type GrantRoleOptions = z.infer<typeof roleAssignmentCreate>;

/**
 * Gives a person a role on a unit: an administrator of the unit does, or for the tenant-wide
 * roles (revisor, administrator of a root unit) the tenant administrator. A role the person
 * already holds there is refused as a duplicate.
 */
export async function grantRole(tx: Transaction, access: Access, options: GrantRoleOptions) {
  const [unit] = await tx
    .select({ id: orgUnits.id, parentId: orgUnits.parentId })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, options.unitId)));
  if (!unit || !access.canRead(unit.id))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  await assertMayGrant(tx, access, unit, options.role, 'give');
  const [person] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, access.tenantId), eq(users.id, options.userId)));
  if (!person)
    throw new AppError('validation_failed', undefined, [
      { path: 'userId', message: localize((m) => m.validation.personDoesNotExist) },
    ]);
  const [existing] = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.tenantId, access.tenantId),
        eq(roleAssignments.userId, options.userId),
        eq(roleAssignments.unitId, options.unitId),
        eq(roleAssignments.role, options.role),
        isNull(roleAssignments.revokedAt),
      ),
    );
  if (existing)
    throw new AppError(
      'duplicate',
      localize((m) => m.roleAssignments.alreadyHasRole),
    );
  const [created] = await tx
    .insert(roleAssignments)
    .values({ ...options, tenantId: access.tenantId })
    .returning();
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: 'role_assignment',
      entityId: created!.id,
      operation: 'create',
      unitId: unit.id,
      changes: { userId: [null, options.userId], unitId: [null, options.unitId], role: [null, options.role] },
    },
  ]);
  return created!;
}
