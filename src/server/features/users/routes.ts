import { createRoute } from '@hono/zod-openapi';
import { hash } from '@node-rs/argon2';
import { and, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { idParams } from '../../../domain/contracts/common.ts';
import { user, userCreate, userListQuery, userUpdate } from '../../../domain/contracts/users.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { revokeSessionsOf } from '../../auth/sessions.ts';
import { sessions } from '../../db/schema/sessions.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { json, updateProblems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';

type UserRow = typeof users.$inferSelect;

const presentFields = presentAs(user);
/** The whitelist keeps the password hash out; whether there is one is all a client learns. */
const presentUser = (row: Record<string, unknown>) => presentFields({ ...row, canSignIn: row.passwordHash !== null && row.passwordHash !== undefined });

async function findUser(db: Database, access: Access, id: string): Promise<UserRow> {
  const [row] = await db.select().from(users).where(and(eq(users.tenantId, access.tenantId), eq(users.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

async function listUsers(db: Database, access: Access, query: z.infer<typeof userListQuery>) {
  const where: (SQL | undefined)[] = [eq(users.tenantId, access.tenantId)];
  if (!query.includeDeactivated) where.push(isNull(users.deactivatedAt));
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  const rows = await db
    .select({ user: users, total: sql<number>`count(*) over ()` })
    .from(users)
    .where(and(...where))
    .orderBy(...orderBy(query.sort, { name: users.name, email: users.email }, 'name', users.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.user), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}

async function assertEmailFree(tx: Transaction, tenantId: string, email: string | null | undefined, exceptId?: string) {
  if (!email) return;
  const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), sql`lower(${users.email}) = lower(${email})`));
  if (taken && taken.id !== exceptId) {
    throw new AppError('validation_failed', undefined, [{ path: 'email', message: { sv: 'Adressen används redan av en annan person.', en: 'The address is already used by another person.' } }]);
  }
}

async function createUser(tx: Transaction, access: Access, input: z.infer<typeof userCreate>) {
  access.assertTenantAdministrator();
  await assertEmailFree(tx, access.tenantId, input.email);
  const { password, ...values } = input;
  return insertAudited(tx, users, { ...values, passwordHash: password ? await hash(password) : null, tenantId: access.tenantId }, { actor: access.actor, entityType: 'user', unitId: null });
}

async function updateUser(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof userUpdate>, 'version'>) {
  const current = await findUser(tx, access, id);
  access.assertTenantAdministrator();
  await assertEmailFree(tx, access.tenantId, changes.email, id);
  const { password, ...values } = changes;
  const passwordHash = password === undefined ? undefined : password === null ? null : await hash(password);
  // Whoever knew the old password is signed out: every session of the person ends (but the
  // administrator's own, when they set their own password here).
  if (password !== undefined) await revokeSessionsOf(tx, { tenantId: access.tenantId, userId: id }, id === access.userId ? access.principal.sessionId : undefined);
  // A new hash always differs from the old one, so a password change is always audited (redacted).
  return updateAudited(
    tx,
    users,
    { current, expectedVersion: version, values: { ...values, passwordHash }, present: presentUser },
    { actor: access.actor, entityType: 'user', unitId: null },
  );
}

/**
 * Deactivates a person who has left (they can no longer sign in and their sessions end) or
 * reactivates them. Never deleted: history keeps their name, shown with "(borttagen)".
 */
async function setDeactivated(tx: Transaction, access: Access, id: string, deactivated: boolean) {
  const current = await findUser(tx, access, id);
  access.assertTenantAdministrator();
  if (deactivated && id === access.userId) throw new AppError('forbidden', { sv: 'Du kan inte avaktivera dig själv.', en: 'You cannot deactivate yourself.' });
  if ((current.deactivatedAt !== null) === deactivated) return current;
  if (deactivated) {
    await tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.tenantId, access.tenantId), eq(sessions.userId, id), isNull(sessions.revokedAt)));
  }
  return updateAudited(
    tx,
    users,
    { current, expectedVersion: current.version, values: { deactivatedAt: deactivated ? access.clock.now() : null }, present: presentUser, operation: deactivated ? 'deactivate' : 'reactivate' },
    { actor: access.actor, entityType: 'user', unitId: null },
  );
}

/** The tenant's persons: everyone signed in reads them (names are shown everywhere); the tenant administrator edits them. */
export function userRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/users',
    tags: ['Administration'],
    noun: 'user',
    output: user,
    createInput: userCreate,
    updateInput: userUpdate,
    listQuery: userListQuery,
    present: presentUser,
    list: listUsers,
    find: findUser,
    create: createUser,
    update: updateUser,
  });
  for (const [action, deactivated] of [['deactivate', true], ['reactivate', false]] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/users/{id}/${action}`,
        tags: ['Administration'],
        summary: deactivated ? 'Deactivate a person who has left (kept, never deleted)' : 'Reactivate a person',
        request: { params: idParams },
        responses: { 200: json(user, deactivated ? 'Deactivated' : 'Reactivated'), ...updateProblems },
      }),
      async (c) => {
        const row = await c.get('database').db.transaction((tx) => setDeactivated(tx, c.get('access'), c.req.valid('param').id, deactivated));
        return c.json(presentUser(row), 200);
      },
    );
  }
  return router;
}
