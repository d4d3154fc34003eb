import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { identityProviders } from '../db/schema/identity-providers.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { users } from '../db/schema/users.ts';

/**
 * What keeps a tenant that requires SSO from locking itself out: its break-glass administrators
 * (active, with a password, administrator of a root unit: they can sign in with a password and
 * change the policy back) and its identity providers in use.
 */

/** The ids of the tenant's break-glass administrators who could sign in with a password now. */
export async function breakGlassAdministrators(db: Database, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(
      roleAssignments,
      and(
        eq(roleAssignments.tenantId, users.tenantId),
        eq(roleAssignments.userId, users.id),
        eq(roleAssignments.role, 'administrator'),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .innerJoin(
      orgUnits,
      and(
        eq(orgUnits.tenantId, roleAssignments.tenantId),
        eq(orgUnits.id, roleAssignments.unitId),
        isNull(orgUnits.parentId),
      ),
    )
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.breakGlass, true),
        isNull(users.deactivatedAt),
        isNotNull(users.passwordHash),
      ),
    );
  return rows.map((row) => row.id);
}

/** How many of the tenant's identity providers people can sign in through (enabled, not archived). */
export async function enabledIdentityProviders(db: Database, tenantId: string): Promise<number> {
  const rows = await db
    .select({ id: identityProviders.id })
    .from(identityProviders)
    .where(
      and(
        eq(identityProviders.tenantId, tenantId),
        eq(identityProviders.enabled, true),
        isNull(identityProviders.archivedAt),
      ),
    );
  return rows.length;
}

/** Whether the person administers the tenant (administrator of a root unit), as Access tells for the caller. */
export async function isTenantAdministrator(db: Database, person: { tenantId: string; userId: string }) {
  const [row] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .innerJoin(
      orgUnits,
      and(
        eq(orgUnits.tenantId, roleAssignments.tenantId),
        eq(orgUnits.id, roleAssignments.unitId),
        isNull(orgUnits.parentId),
      ),
    )
    .where(
      and(
        eq(roleAssignments.tenantId, person.tenantId),
        eq(roleAssignments.userId, person.userId),
        eq(roleAssignments.role, 'administrator'),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}
