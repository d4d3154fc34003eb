import { and, asc, eq, isNull } from 'drizzle-orm';
import { isTenantWideRole, type Role } from '../../../domain/role.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** The unit a role is given or taken on: whether it is a root decides who may do it. */
export interface GrantTarget {
  id: string;
  parentId: string | null;
}

/** The names of the tenant's administrators (administrator of a root unit), for "whom to ask". */
async function tenantAdministratorNames(db: Database, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: users.name })
    .from(roleAssignments)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, roleAssignments.tenantId), eq(orgUnits.id, roleAssignments.unitId)))
    .innerJoin(users, and(eq(users.tenantId, roleAssignments.tenantId), eq(users.id, roleAssignments.userId)))
    .where(
      and(
        eq(roleAssignments.tenantId, tenantId),
        eq(roleAssignments.role, 'administrator'),
        isNull(roleAssignments.revokedAt),
        isNull(orgUnits.parentId),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(users.name))
    .limit(3);
  return rows.map((row) => row.name);
}

/** " (Anna, Bo)" after "kommunens administratör", or nothing when the tenant has none. */
function namesInParentheses(names: string[]): string {
  return names.length === 0 ? '' : ` (${names.join(', ')})`;
}

/**
 * May the principal give (or take away) `role` on `unit`? Nobody hands out more reach than
 * their own: an administrator of a unit gives and revokes the unit-bound roles on the units
 * they administer; the tenant-wide ones (revisor anywhere, administrator of a root unit) only
 * the tenant administrator does. Throws forbidden, saying why and whom to ask. The caller has
 * already checked that the unit is readable (unreadable units are not found).
 */
export async function assertMayGrant(
  db: Database,
  access: Access,
  unit: GrantTarget,
  role: Role,
  verb: 'give' | 'revoke',
): Promise<void> {
  access.assertMayWrite();
  if (access.isTenantAdministrator) return;
  if (isTenantWideRole(role, unit)) {
    const names = namesInParentheses(await tenantAdministratorNames(db, access.tenantId));
    throw new AppError(
      'forbidden',
      localize(({ roleAssignments: words }) =>
        words.onlyTenantAdministratorMay(
          verb === 'give' ? words.give : words.revoke,
          role === 'auditor' ? words.auditorRole : words.topAdministrator,
          names,
        ),
      ),
    );
  }
  if (!access.hasRole(unit.id, ['administrator'])) {
    const names = namesInParentheses(await tenantAdministratorNames(db, access.tenantId));
    throw new AppError(
      'forbidden',
      localize(({ roleAssignments: words }) =>
        words.onlyOnUnitsYouAdminister(verb === 'give' ? words.give : words.revoke, names),
      ),
    );
  }
}
