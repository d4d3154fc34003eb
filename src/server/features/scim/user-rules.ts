import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { changedFields } from '../../audit/audited-writes.ts';
import { recordAuditEvents, type AuditEntry } from '../../audit/record-audit-events.ts';
import { withdrawOpenLinks } from '../../auth/one-time-links.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { sessions } from '../../db/schema/sessions.ts';
import { users } from '../../db/schema/users.ts';
import { localize } from '../../messages/messages.ts';
import type { ScimCaller } from './scim-auth.ts';
import { ScimError, uniqueness } from './scim-errors.ts';
import { syncDirectoryRoles } from './group-membership.ts';
import { isUuid } from './scim-resource.ts';

/** What of a person SCIM reads and writes. */
export const scimUserColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  title: users.title,
  scimUserName: users.scimUserName,
  scimExternalId: users.scimExternalId,
  deactivatedAt: users.deactivatedAt,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** The directory sees the people it provisioned (those with a userName), never the others. */
export function provisioned(tenantId: string) {
  return and(eq(users.tenantId, tenantId), isNotNull(users.scimUserName));
}

/**
 * A provisioned person of the caller's tenant by id, locked for the rest of the transaction
 * when it is to be changed; 404 when the id names nobody the directory provisioned here.
 */
export async function findScimUser(tx: Database, caller: ScimCaller, userId: string, lock = false) {
  if (!isUuid(userId))
    throw new ScimError(
      404,
      localize((m) => m.scim.userNotFound),
    );
  const query = tx
    .select(scimUserColumns)
    .from(users)
    .where(and(provisioned(caller.tenantId), eq(users.id, userId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row)
    throw new ScimError(
      404,
      localize((m) => m.scim.userNotFound),
    );
  return row;
}

/** 409 uniqueness when another person of the tenant has the userName or the e-mail address. */
export async function assertUserUnique(
  tx: Transaction,
  caller: ScimCaller,
  values: { scimUserName?: string | null; email?: string | null },
  exceptId: string | null,
) {
  const others = (condition: ReturnType<typeof sql>) =>
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, caller.tenantId), condition, exceptId ? ne(users.id, exceptId) : undefined))
      .limit(1);
  if (values.scimUserName) {
    const [taken] = await others(sql`lower(${users.scimUserName}) = lower(${values.scimUserName})`);
    if (taken) throw uniqueness(localize((m) => m.scim.userNameTaken(values.scimUserName!)));
  }
  if (values.email) {
    const [taken] = await others(sql`lower(${users.email}) = lower(${values.email})`);
    if (taken) throw uniqueness(localize((m) => m.scim.emailTaken(values.email!)));
  }
}

type ScimUser = Awaited<ReturnType<typeof findScimUser>>;

/** The person's own fields SCIM may set. */
export interface UserValues {
  name?: string;
  email?: string | null;
  title?: string | null;
  scimUserName?: string;
  scimExternalId?: string | null;
}

/**
 * Writes the fields that change and the activation, each audited with the system actor
 * "scim": an `update` (or the `operation` given, such as `adopt`) for the fields, and a
 * `deactivate` or `reactivate`. A deactivated person's sessions end and their open links are
 * withdrawn; a reactivated one gets the roles their groups give. Returns the person as now.
 */
export async function writeScimUser(
  tx: Transaction,
  caller: ScimCaller,
  current: ScimUser,
  values: UserValues,
  active: boolean | undefined,
  operation = 'update',
): Promise<ScimUser> {
  const changes = changedFields(current, values as Record<string, unknown>);
  await assertUserUnique(
    tx,
    caller,
    {
      scimUserName: changes.scimUserName ? values.scimUserName : null,
      email: changes.email ? values.email : null,
    },
    current.id,
  );
  const wasActive = current.deactivatedAt === null;
  const activation = active === undefined || active === wasActive ? null : active;
  if (Object.keys(changes).length === 0 && activation === null) return current;
  const set: Record<string, unknown> = Object.fromEntries(
    Object.keys(changes).map((field) => [field, values[field as keyof UserValues]]),
  );
  if (activation !== null) set.deactivatedAt = activation ? null : caller.now;
  const [row] = await tx
    .update(users)
    .set({ ...set, version: current.version + 1, updatedAt: caller.now })
    .where(and(eq(users.tenantId, caller.tenantId), eq(users.id, current.id)))
    .returning(scimUserColumns);
  const entries: AuditEntry[] = [];
  if (Object.keys(changes).length > 0) entries.push({ entityType: 'user', entityId: current.id, operation, changes });
  if (activation !== null)
    entries.push({
      entityType: 'user',
      entityId: current.id,
      operation: activation ? 'reactivate' : 'deactivate',
      changes: {
        deactivatedAt: [current.deactivatedAt?.toISOString() ?? null, activation ? null : caller.now.toISOString()],
      },
    });
  await recordAuditEvents(tx, caller.actor, entries);
  if (activation === false) await endAccess(tx, caller, current.id);
  if (activation === true) await syncDirectoryRoles(tx, caller, [current.id]);
  return row!;
}

/** A person the directory deactivated keeps no way in: their sessions end and their open links are withdrawn. */
async function endAccess(tx: Transaction, caller: ScimCaller, userId: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: caller.now })
    .where(
      and(eq(sessions.tenantId, caller.tenantId), eq(sessions.userId, userId), sql`${sessions.revokedAt} is null`),
    );
  await withdrawOpenLinks(tx, caller.actor, { tenantId: caller.tenantId, userId, now: caller.now });
}
