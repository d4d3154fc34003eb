import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Role } from '../../domain/role.ts';
import { recordAuditEvents, type Actor, type AuditEntry } from '../audit/record-audit-events.ts';
import type { Transaction } from '../db/client.ts';
import { roleMappingRules } from '../db/schema/identity-providers.ts';
import { directoryGroupMembers, directoryGroups } from '../db/schema/directory.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';

/** A mapping rule as the matching needs it. */
export interface MappingRule {
  id: string;
  providerId: string | null;
  claim: string;
  value: string;
  role: Role;
  unitId: string;
}

/** Claim names compare as written; values compare without regard to case or surrounding spaces. */
function sameValue(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');
}

/** The rules a person's claims satisfy. */
export function matchingRules(rules: readonly MappingRule[], values: Record<string, string[]>): MappingRule[] {
  return rules.filter((rule) => (values[rule.claim] ?? []).some((value) => sameValue(value, rule.value)));
}

/**
 * The tenant's live rules that apply to a source: a provider's sign-in (its own rules and those
 * for every source) or SCIM (`providerId` null: only the rules for every source). Rules whose
 * unit is archived give nothing.
 */
export async function rulesFor(tx: Transaction, tenantId: string, providerId: string | null): Promise<MappingRule[]> {
  return tx
    .select({
      id: roleMappingRules.id,
      providerId: roleMappingRules.providerId,
      claim: roleMappingRules.claim,
      value: roleMappingRules.value,
      role: roleMappingRules.role,
      unitId: roleMappingRules.unitId,
    })
    .from(roleMappingRules)
    .innerJoin(
      orgUnits,
      and(
        eq(orgUnits.tenantId, roleMappingRules.tenantId),
        eq(orgUnits.id, roleMappingRules.unitId),
        isNull(orgUnits.archivedAt),
      ),
    )
    .where(
      and(
        eq(roleMappingRules.tenantId, tenantId),
        isNull(roleMappingRules.archivedAt),
        providerId === null
          ? isNull(roleMappingRules.providerId)
          : or(isNull(roleMappingRules.providerId), eq(roleMappingRules.providerId, providerId)),
      ),
    )
    .orderBy(roleMappingRules.createdAt);
}

/**
 * The `groups` claim of each person: the display names and external ids of the live groups
 * they are in now. Role-mapping rules read SCIM membership through it, as they read an
 * identity provider's `groups` claim at sign-in.
 */
export async function directoryClaims(tx: Transaction, tenantId: string, userIds: string[]) {
  const rows =
    userIds.length === 0
      ? []
      : await tx
          .select({
            userId: directoryGroupMembers.userId,
            displayName: directoryGroups.displayName,
            externalId: directoryGroups.externalId,
          })
          .from(directoryGroupMembers)
          .innerJoin(
            directoryGroups,
            and(
              eq(directoryGroups.tenantId, directoryGroupMembers.tenantId),
              eq(directoryGroups.id, directoryGroupMembers.groupId),
              isNull(directoryGroups.archivedAt),
            ),
          )
          .where(
            and(
              eq(directoryGroupMembers.tenantId, tenantId),
              inArray(directoryGroupMembers.userId, userIds),
              isNull(directoryGroupMembers.endedAt),
            ),
          );
  const claims = new Map<string, string[]>(userIds.map((userId) => [userId, []]));
  for (const row of rows) {
    const values = claims.get(row.userId)!;
    for (const value of [row.displayName, row.externalId]) if (value && !values.includes(value)) values.push(value);
  }
  return claims;
}

/** What applying the rules changed for a person. */
export interface MappingOutcome {
  granted: { role: Role; unitId: string; ruleId: string }[];
  revoked: { role: Role; unitId: string; ruleId: string }[];
}

/**
 * Brings a person's rule-given roles in line with their claims: a role a matching rule gives is
 * granted (marked with the rule) unless the person holds it already; a role a rule gave earlier
 * whose rule no longer matches, or is archived, is revoked. Roles an administrator gave by hand
 * are never touched. Every grant and revocation is audited. Rules are the tenant's own and point
 * at its own units (composite keys), so claims never reach a unit of another tenant.
 */
export async function applyRoleMappings(
  tx: Transaction,
  options: {
    tenantId: string;
    userId: string;
    /** The provider the claims came from; null for SCIM. */
    providerId: string | null;
    values: Record<string, string[]>;
    actor: Actor;
    now: Date;
  },
): Promise<MappingOutcome> {
  const { tenantId, userId } = options;
  const sourceRules = await rulesFor(tx, tenantId, options.providerId);
  // Membership of the directory's groups (SCIM) counts at every sign-in too: a provider's token
  // often names groups by object id, or not at all, and must not take back what the directory gives.
  const values =
    options.providerId === null
      ? options.values
      : {
          ...options.values,
          groups: [
            ...(options.values.groups ?? []),
            ...((await directoryClaims(tx, tenantId, [userId])).get(userId) ?? []),
          ],
        };
  const wanted = new Map<string, MappingRule>();
  for (const rule of matchingRules(sourceRules, values)) {
    const key = `${rule.role}@${rule.unitId}`;
    if (!wanted.has(key)) wanted.set(key, rule);
  }
  const held = await tx
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      ruleId: roleAssignments.ruleId,
    })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.tenantId, tenantId),
        eq(roleAssignments.userId, userId),
        isNull(roleAssignments.revokedAt),
      ),
    );
  const heldKeys = new Set(held.map((assignment) => `${assignment.role}@${assignment.unitId}`));

  // A rule-given role is this source's to take back when its rule is archived or belongs to
  // this source; a role given by another provider's rule is left for that provider's sign-in.
  const givenByRules = held.filter((assignment) => assignment.ruleId !== null);
  const ruleStates =
    givenByRules.length === 0
      ? []
      : await tx
          .select({
            id: roleMappingRules.id,
            providerId: roleMappingRules.providerId,
            archivedAt: roleMappingRules.archivedAt,
          })
          .from(roleMappingRules)
          .where(
            and(
              eq(roleMappingRules.tenantId, tenantId),
              inArray(
                roleMappingRules.id,
                givenByRules.map((assignment) => assignment.ruleId!),
              ),
            ),
          );
  const ruleState = new Map(ruleStates.map((rule) => [rule.id, rule]));
  const sourceRuleIds = new Set(sourceRules.map((rule) => rule.id));
  const revoked = givenByRules.filter((assignment) => {
    if (wanted.has(`${assignment.role}@${assignment.unitId}`)) return false;
    const rule = ruleState.get(assignment.ruleId!);
    return rule === undefined || rule.archivedAt !== null || sourceRuleIds.has(rule.id);
  });
  const granted = [...wanted.entries()]
    .filter(([key]) => !heldKeys.has(key))
    .map(([, rule]) => ({ role: rule.role, unitId: rule.unitId, ruleId: rule.id }));

  if (revoked.length > 0) {
    await tx
      .update(roleAssignments)
      .set({ revokedAt: options.now })
      .where(
        and(
          eq(roleAssignments.tenantId, tenantId),
          inArray(
            roleAssignments.id,
            revoked.map((assignment) => assignment.id),
          ),
        ),
      );
  }
  const created =
    granted.length === 0
      ? []
      : await tx
          .insert(roleAssignments)
          .values(granted.map((grant) => ({ tenantId, userId, ...grant, createdAt: options.now })))
          .returning({ id: roleAssignments.id, role: roleAssignments.role, unitId: roleAssignments.unitId });
  const entries: AuditEntry[] = [
    ...created.map((assignment, index): AuditEntry => ({
      entityType: 'role_assignment',
      entityId: assignment.id,
      operation: 'create',
      unitId: assignment.unitId,
      changes: {
        userId: [null, userId],
        unitId: [null, assignment.unitId],
        role: [null, assignment.role],
        ruleId: [null, granted[index]!.ruleId],
      },
    })),
    ...revoked.map((assignment): AuditEntry => ({
      entityType: 'role_assignment',
      entityId: assignment.id,
      operation: 'revoke',
      unitId: assignment.unitId,
      changes: { revokedAt: [null, options.now.toISOString()] },
    })),
  ];
  await recordAuditEvents(tx, options.actor, entries);
  return {
    granted,
    revoked: revoked.map((assignment) => ({
      role: assignment.role,
      unitId: assignment.unitId,
      ruleId: assignment.ruleId!,
    })),
  };
}
