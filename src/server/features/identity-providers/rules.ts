import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { roleMappingRuleCreate, roleMappingRuleUpdate } from '../../../domain/contracts/identity-providers.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited, setArchived, updateAudited, type Row } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { directoryGroupMembers, directoryGroups } from '../../db/schema/directory.ts';
import { externalIdentities, identityProviders, roleMappingRules } from '../../db/schema/identity-providers.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { matchingRules } from '../../sso/role-mapping.ts';

type RuleRow = typeof roleMappingRules.$inferSelect;
type RuleInput = z.infer<typeof roleMappingRuleCreate>;

/** The tenant's role-mapping rules (tenant administrator). */
export async function listRules(db: Database, access: Access, options: { includeArchived: boolean }) {
  access.assertTenantAdministrator();
  return db
    .select()
    .from(roleMappingRules)
    .where(
      and(
        eq(roleMappingRules.tenantId, access.tenantId),
        options.includeArchived ? undefined : isNull(roleMappingRules.archivedAt),
      ),
    )
    .orderBy(asc(roleMappingRules.claim), asc(roleMappingRules.value), asc(roleMappingRules.createdAt));
}

async function findRule(tx: Transaction, access: Access, id: string): Promise<RuleRow> {
  access.assertTenantAdministrator();
  const [row] = await tx
    .select()
    .from(roleMappingRules)
    .where(and(eq(roleMappingRules.tenantId, access.tenantId), eq(roleMappingRules.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** A rule may point only at a live unit and a provider of the tenant itself. */
async function assertReferences(tx: Transaction, access: Access, input: Partial<RuleInput>) {
  if (input.unitId !== undefined) {
    const [unit] = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, input.unitId), isNull(orgUnits.archivedAt)));
    if (!unit)
      throw new AppError('validation_failed', undefined, [
        { path: 'unitId', message: localize((m) => m.validation.doesNotExist) },
      ]);
  }
  if (input.providerId) {
    const [provider] = await tx
      .select({ id: identityProviders.id })
      .from(identityProviders)
      .where(and(eq(identityProviders.tenantId, access.tenantId), eq(identityProviders.id, input.providerId)));
    if (!provider)
      throw new AppError('validation_failed', undefined, [
        { path: 'providerId', message: localize((m) => m.validation.doesNotExist) },
      ]);
  }
}

/** Adds a rule (tenant administrator); it takes effect at each person's next sign-in or directory change. */
export async function createRule(tx: Transaction, access: Access, input: RuleInput): Promise<RuleRow> {
  access.assertTenantAdministrator();
  await assertReferences(tx, access, input);
  return (await insertAudited(
    tx,
    roleMappingRules,
    { ...input, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'role_mapping_rule', unitId: input.unitId },
  )) as RuleRow;
}

export async function updateRule(
  tx: Transaction,
  access: Access,
  id: string,
  input: z.infer<typeof roleMappingRuleUpdate>,
  present: (row: Row) => unknown,
): Promise<RuleRow> {
  const current = await findRule(tx, access, id);
  await assertReferences(tx, access, input);
  const { version, ...values } = input;
  return (await updateAudited(
    tx,
    roleMappingRules,
    { current, expectedVersion: version, values, present },
    { actor: access.actor, entityType: 'role_mapping_rule', unitId: values.unitId ?? current.unitId },
  )) as RuleRow;
}

/** Archives a rule: the roles it gave are taken back at each person's next sign-in or directory change. */
export async function archiveRule(tx: Transaction, access: Access, id: string, archived: boolean) {
  const current = await findRule(tx, access, id);
  return (await setArchived(tx, roleMappingRules, current, archived, {
    actor: access.actor,
    entityType: 'role_mapping_rule',
    unitId: current.unitId,
  })) as RuleRow;
}

/**
 * Whom a rule would give its role: the people whose last sign-in through a provider carried the
 * value (for a rule of one provider, through that one), and, for a rule of every source, the
 * members of a directory group of that name or external id. Nothing is written.
 */
export async function previewRule(db: Database, access: Access, input: RuleInput) {
  access.assertTenantAdministrator();
  const rule = { id: 'preview', ...input };
  const identities = await db
    .select({
      userId: externalIdentities.userId,
      providerId: externalIdentities.providerId,
      lastClaims: externalIdentities.lastClaims,
      lastSignInAt: externalIdentities.lastSignInAt,
    })
    .from(externalIdentities)
    .where(eq(externalIdentities.tenantId, access.tenantId));
  const people = new Map<string, Date | null>();
  for (const identity of identities) {
    if (input.providerId !== null && identity.providerId !== input.providerId) continue;
    if (matchingRules([rule], identity.lastClaims ?? {}).length === 0) continue;
    const known = people.get(identity.userId);
    if (known === undefined || (identity.lastSignInAt && (!known || identity.lastSignInAt > known)))
      people.set(identity.userId, identity.lastSignInAt);
  }
  if (input.providerId === null && input.claim === 'groups') {
    const members = await db
      .select({
        userId: directoryGroupMembers.userId,
        name: directoryGroups.displayName,
        externalId: directoryGroups.externalId,
      })
      .from(directoryGroupMembers)
      .innerJoin(
        directoryGroups,
        and(
          eq(directoryGroups.tenantId, directoryGroupMembers.tenantId),
          eq(directoryGroups.id, directoryGroupMembers.groupId),
        ),
      )
      .where(
        and(
          eq(directoryGroupMembers.tenantId, access.tenantId),
          isNull(directoryGroupMembers.endedAt),
          isNull(directoryGroups.archivedAt),
        ),
      );
    for (const member of members) {
      const values = { groups: [member.name, ...(member.externalId ? [member.externalId] : [])] };
      if (matchingRules([rule], values).length > 0 && !people.has(member.userId)) people.set(member.userId, null);
    }
  }
  if (people.size === 0) return { people: [] };
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.tenantId, access.tenantId));
  const holders = new Set(
    (
      await db
        .select({ userId: roleAssignments.userId })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.tenantId, access.tenantId),
            eq(roleAssignments.unitId, input.unitId),
            eq(roleAssignments.role, input.role),
            isNull(roleAssignments.revokedAt),
          ),
        )
    ).map((row) => row.userId),
  );
  return {
    people: rows
      .filter((row) => people.has(row.id) && row.deactivatedAt === null)
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .map((row) => ({
        userId: row.id,
        name: row.name,
        email: row.email,
        alreadyHolds: holders.has(row.id),
        lastSignInAt: people.get(row.id)?.toISOString() ?? null,
      })),
  };
}
