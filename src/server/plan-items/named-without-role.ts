import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { MANAGING_ROLES, type Access } from '../access/access.ts';
import { ancestorUnitIds } from '../access/unit-tree.ts';
import type { Database } from '../db/client.ts';
import { assignments } from '../db/schema/assignments.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { users } from '../db/schema/users.ts';
import { AppError, type FieldError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import type { ItemKind } from './item-details.ts';

const ASSIGNMENT_COLUMN = {
  control: assignments.controlId,
  action: assignments.actionId,
  activity: assignments.activityId,
} as const;

function listOfNames(names: string[], and: string): string {
  // Stryker disable next-line StringLiteral: equivalent, the list is never empty here (called only when there are managers)
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

/**
 * The managers (administrators, samordnare) nearest to a unit: those on the unit itself, or
 * else on the closest unit above it that has any. They are the ones who can give a role there.
 */
async function nearestManagers(db: Database, tenantId: string, unitId: string): Promise<string[]> {
  const chain = await ancestorUnitIds(db, tenantId, unitId);
  const rows = await db
    .select({ unitId: roleAssignments.unitId, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.tenantId, roleAssignments.tenantId), eq(users.id, roleAssignments.userId)))
    .where(
      and(
        eq(roleAssignments.tenantId, tenantId),
        inArray(roleAssignments.unitId, chain),
        inArray(roleAssignments.role, [...MANAGING_ROLES]),
        isNull(roleAssignments.revokedAt),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(users.name));
  for (const id of chain) {
    const names = [...new Set(rows.filter((row) => row.unitId === id).map((row) => row.name))];
    if (names.length > 0) return names;
  }
  return [];
}

/**
 * A person named on an item (ansvarig or rapporteringsansvarig) who holds no role on the item's
 * unit cannot reach it. Rather than "does not exist", they are told what is wrong and whom to
 * ask: 403 naming the unit and its nearest administrators and samordnare. Null when the caller
 * is not named on the item (then it stays not found, as for anyone outside the unit).
 */
export async function namedWithoutRoleProblem(
  db: Database,
  access: Access,
  kind: ItemKind,
  itemId: string,
  unitId: string,
  field?: string,
): Promise<AppError | null> {
  const [named] = await db
    .select({ role: assignments.role })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, access.tenantId),
        eq(ASSIGNMENT_COLUMN[kind], itemId),
        eq(assignments.userId, access.userId),
      ),
    )
    .orderBy(asc(assignments.role))
    .limit(1);
  if (!named) return null;
  // The unit of the item's plan: the plan's composite foreign key guarantees it exists.
  const [unit] = await db
    .select({ name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, unitId)));
  const managers = await nearestManagers(db, access.tenantId, unitId);
  const message = localize(({ planItems: words }) =>
    words.namedWithoutRole(
      named.role === 'responsible' ? words.responsibleFor : words.reportingResponsibleFor,
      words.items[kind],
      unit!.name,
      managers.length > 0 ? words.askManagers(listOfNames(managers, words.or)) : words.askTenantAdministrator,
    ),
  );
  const errors: FieldError[] = field ? [{ path: field, message }] : [];
  return new AppError('forbidden', message, errors, { unitId, managers });
}
