import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAuditEvents, type Actor } from '../audit/record-audit-events.ts';
import type { Transaction } from '../db/client.ts';
import { externalIdentities } from '../db/schema/identity-providers.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import { SsoFailure } from './failures.ts';
import type { ExternalClaims } from './claims.ts';
import { applyRoleMappings, matchingRules, rulesFor, type MappingOutcome } from './role-mapping.ts';

/** Who signed in through a provider, and what the sign-in changed. */
export interface SsoSignInResult {
  userId: string;
  /** The person did not exist and was created from the claims. */
  created: boolean;
  roles: MappingOutcome;
}

/** The provider a sign-in came through. */
export interface SignInProvider {
  tenantId: string;
  id: string;
  name: string;
}

/** The person whose account an external identity opens, found by the provider's stable subject. */
async function personBySubject(tx: Transaction, provider: SignInProvider, subject: string) {
  const [row] = await tx
    .select({ identityId: externalIdentities.id, userId: users.id, deactivatedAt: users.deactivatedAt })
    .from(externalIdentities)
    .innerJoin(users, and(eq(users.tenantId, externalIdentities.tenantId), eq(users.id, externalIdentities.userId)))
    .where(
      and(
        eq(externalIdentities.tenantId, provider.tenantId),
        eq(externalIdentities.providerId, provider.id),
        eq(externalIdentities.subject, subject),
      ),
    );
  return row;
}

/**
 * A person of the tenant with the address and no identity at this provider yet: someone an
 * administrator added, imported or invited before the tenant turned SSO on.
 */
async function personByEmail(tx: Transaction, provider: SignInProvider, email: string) {
  const [row] = await tx
    .select({ userId: users.id, deactivatedAt: users.deactivatedAt })
    .from(users)
    .leftJoin(
      externalIdentities,
      and(
        eq(externalIdentities.tenantId, users.tenantId),
        eq(externalIdentities.userId, users.id),
        eq(externalIdentities.providerId, provider.id),
      ),
    )
    .where(
      and(
        eq(users.tenantId, provider.tenantId),
        sql`lower(${users.email}) = ${email.toLowerCase()}`,
        isNull(externalIdentities.id),
      ),
    );
  return row;
}

/**
 * Signs a person in from what the tenant's identity provider vouched for, in the caller's
 * transaction: found by the provider's stable subject, else by e-mail address (and linked), else
 * created, but only when some mapping rule gives them a role: an unknown person whom no rule
 * covers is refused (SsoFailure 'no_role') and nothing is written. Name and address follow the provider's; the roles
 * the rules give follow the claims. The sign-in is audited, without tokens or secrets. The
 * caller opens the session after the transaction commits.
 */
export async function signInWithClaims(
  tx: Transaction,
  provider: SignInProvider,
  claims: ExternalClaims,
  now: Date,
): Promise<SsoSignInResult> {
  const [tenant] = await tx
    .select({ suspendedAt: tenants.suspendedAt })
    .from(tenants)
    .where(eq(tenants.id, provider.tenantId));
  if (!tenant || tenant.suspendedAt !== null) throw new SsoFailure('suspended');
  const subject = claims.subject.trim();
  if (subject === '') throw new SsoFailure('missing_subject');
  const email = claims.email?.trim().toLowerCase() || null;
  const system: Actor = { kind: 'system', tenantId: provider.tenantId, label: `sso:${provider.name}` };

  let found = await personBySubject(tx, provider, subject);
  const linking = found === undefined;
  let userId: string;
  let created = false;
  if (found) {
    userId = found.userId;
  } else {
    const byEmail = email === null ? undefined : await personByEmail(tx, provider, email);
    if (byEmail) {
      found = { identityId: '', ...byEmail };
      userId = byEmail.userId;
    } else {
      // Nobody knows this person: only a rule that gives them a role lets them in.
      const rules = matchingRules(await rulesFor(tx, provider.tenantId, provider.id), claims.values);
      if (rules.length === 0) throw new SsoFailure('no_role');
      if (email === null) throw new SsoFailure('missing_email');
      // The address is someone's who signs in through this provider as another subject.
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, provider.tenantId), sql`lower(${users.email}) = ${email}`));
      if (taken) throw new SsoFailure('identity_conflict', 'the address belongs to a person linked to another subject');
      const name = claims.name?.trim() || email;
      const [person] = await tx
        .insert(users)
        .values({ tenantId: provider.tenantId, name, email, createdAt: now, updatedAt: now })
        .returning({ id: users.id });
      userId = person!.id;
      created = true;
      await recordAuditEvents(tx, system, [
        {
          entityType: 'user',
          entityId: userId,
          operation: 'create',
          changes: { name: [null, name], email: [null, email] },
        },
      ]);
    }
  }
  if (found?.deactivatedAt) throw new SsoFailure('deactivated');

  if (!created) await followProviderDetails(tx, provider.tenantId, userId, { email, name: claims.name }, system, now);

  const identityValues = { lastSignInAt: now, lastClaims: claims.values };
  await tx
    .insert(externalIdentities)
    .values({
      tenantId: provider.tenantId,
      providerId: provider.id,
      subject,
      userId,
      createdAt: now,
      ...identityValues,
    })
    .onConflictDoUpdate({
      target: [externalIdentities.tenantId, externalIdentities.providerId, externalIdentities.subject],
      set: identityValues,
    });
  const roles = await applyRoleMappings(tx, {
    tenantId: provider.tenantId,
    userId,
    providerId: provider.id,
    values: claims.values,
    actor: system,
    now,
  });
  await recordAuditEvents(tx, { kind: 'user', tenantId: provider.tenantId, userId }, [
    {
      entityType: 'user',
      entityId: userId,
      operation: 'sso_sign_in',
      changes: {
        providerId: [null, provider.id],
        provider: [null, provider.name],
        ...(linking ? { linkedSubject: [null, subject] } : {}),
      },
    },
  ]);
  return { userId, created, roles };
}

/**
 * The provider is the source of the person's name and address: they follow it at each sign-in,
 * audited. An address another person of the tenant already has is left as it was.
 */
async function followProviderDetails(
  tx: Transaction,
  tenantId: string,
  userId: string,
  details: { email: string | null; name: string | null },
  actor: Actor,
  now: Date,
) {
  const [current] = await tx
    .select({ name: users.name, email: users.email, version: users.version })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  const changes: Record<string, [unknown, unknown]> = {};
  const name = details.name?.trim();
  if (name && name !== current!.name) changes.name = [current!.name, name];
  if (details.email && details.email !== current!.email?.toLowerCase()) {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), sql`lower(${users.email}) = ${details.email}`));
    if (!taken) changes.email = [current!.email, details.email];
  }
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(users)
    .set({
      ...Object.fromEntries(Object.entries(changes).map(([field, [, after]]) => [field, after])),
      version: current!.version + 1,
      updatedAt: now,
    })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  await recordAuditEvents(tx, actor, [{ entityType: 'user', entityId: userId, operation: 'update', changes }]);
}
