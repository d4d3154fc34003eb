import { pgTable, text, timestamp, uuid, primaryKey, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ROLES } from '../../../domain/role.ts';
import { tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { roleMappingRules } from './identity-providers.ts';
import { users } from './users.ts';
import { inList } from './sql-helpers.ts';

/** A role a person holds on a unit, valid for the unit's whole subtree. Revoked, not deleted. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    unitId: uuid().notNull(),
    role: text({ enum: ROLES }).notNull(),
    /** The mapping rule that gave the role at sign-in or by SCIM; null when an administrator did. */
    ruleId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('role_assignments_user_fk', t, t.userId, users),
    tenantReference('role_assignments_unit_fk', t, t.unitId, orgUnits),
    tenantReference('role_assignments_rule_fk', t, t.ruleId, roleMappingRules),
    uniqueIndex('role_assignments_active_key')
      .on(t.tenantId, t.userId, t.unitId, t.role)
      .where(sql`${t.revokedAt} is null`),
    index('role_assignments_unit_idx').on(t.tenantId, t.unitId),
    check('role_assignments_role_check', inList(t.role, ROLES)),
  ],
);
