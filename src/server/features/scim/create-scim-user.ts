import { and, eq, sql } from 'drizzle-orm';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { localize } from '../../messages/messages.ts';
import { syncDirectoryRoles } from './group-membership.ts';
import type { ScimCaller } from './scim-auth.ts';
import { uniqueness } from './scim-errors.ts';
import { looksLikeEmail, nameFrom, type UserAttributes } from './user-attributes.ts';
import { assertUserUnique, scimUserColumns, writeScimUser } from './user-rules.ts';

/** The e-mail address of a new person: the one sent, else the userName when it is an address. */
function emailOf(attributes: UserAttributes): string | null {
  if (attributes.email) return attributes.email;
  return attributes.userName && looksLikeEmail(attributes.userName) ? attributes.userName.toLowerCase() : null;
}

/**
 * Provisions a person (POST /Users). Someone already in Uppsikt with the same e-mail address —
 * added by hand, imported or invited before the directory was connected — is adopted (audited
 * as `adopt`) rather than made twice; one the directory already provisioned is 409
 * uniqueness, as is a userName taken (without regard to case). The rules are applied to the
 * person's groups (an adopted person may be in some already). Returns the person and whether
 * they are new.
 */
export async function createScimUser(tx: Transaction, caller: ScimCaller, attributes: UserAttributes) {
  const userName = attributes.userName!;
  const email = emailOf(attributes);
  const name = nameFrom(attributes) ?? userName;
  const values = {
    name,
    email,
    title: attributes.title ?? null,
    scimUserName: userName,
    scimExternalId: attributes.externalId ?? null,
  };
  // A userName the directory already gave someone is a conflict, never a second person.
  await assertUserUnique(tx, caller, { scimUserName: userName }, null);
  const [byEmail] =
    email === null
      ? []
      : await tx
          .select({ ...scimUserColumns, breakGlass: users.breakGlass })
          .from(users)
          .where(and(eq(users.tenantId, caller.tenantId), sql`lower(${users.email}) = ${email}`))
          .for('update');
  if (byEmail) {
    if (byEmail.scimUserName !== null) throw uniqueness(localize((m) => m.scim.emailTaken(email!)));
    // The way in when the directory or the identity provider fails is never the directory's to change.
    if (byEmail.breakGlass) throw uniqueness(localize((m) => m.scim.breakGlass(email!)));
    const adopted = await writeScimUser(tx, caller, byEmail, values, attributes.active, 'adopt');
    if (attributes.active !== true || byEmail.deactivatedAt === null)
      await syncDirectoryRoles(tx, caller, [adopted.id]);
    return { row: adopted, created: false };
  }
  const deactivatedAt = attributes.active === false ? caller.now : null;
  const [row] = await tx
    .insert(users)
    .values({ tenantId: caller.tenantId, ...values, deactivatedAt, createdAt: caller.now, updatedAt: caller.now })
    .returning(scimUserColumns);
  await recordAuditEvents(tx, caller.actor, [
    {
      entityType: 'user',
      entityId: row!.id,
      operation: 'create',
      changes: Object.fromEntries(
        Object.entries({ ...values, deactivatedAt: deactivatedAt?.toISOString() ?? null })
          .filter(([, value]) => value !== null)
          .map(([field, value]) => [field, [null, value]]),
      ),
    },
  ]);
  await syncDirectoryRoles(tx, caller, [row!.id]);
  return { row: row!, created: true };
}
