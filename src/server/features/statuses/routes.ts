import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { status, statusCreate, statusListQuery, statusUpdate } from '../../../domain/contracts/statuses.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited, updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';

const presentStatus = presentAs(status);

async function findStatus(db: Database, access: Access, id: string) {
  const [row] = await db.select().from(statuses).where(and(eq(statuses.tenantId, access.tenantId), eq(statuses.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

async function listStatuses(db: Database, access: Access, query: z.infer<typeof statusListQuery>) {
  const rows = await db
    .select({ status: statuses, total: sql<number>`count(*) over ()` })
    .from(statuses)
    .where(and(eq(statuses.tenantId, access.tenantId), query.includeInactive ? undefined : eq(statuses.active, true)))
    .orderBy(asc(statuses.sortOrder), asc(statuses.key))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.status), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}

async function createStatus(tx: Transaction, access: Access, input: z.infer<typeof statusCreate>) {
  access.assertTenantAdministrator();
  const [existing] = await tx.select({ id: statuses.id }).from(statuses).where(and(eq(statuses.tenantId, access.tenantId), eq(statuses.key, input.key)));
  if (existing) throw new AppError('validation_failed', undefined, [{ path: 'key', message: { sv: 'Nyckeln används redan.', en: 'The key is already in use.' } }]);
  return insertAudited(tx, statuses, { ...input, tenantId: access.tenantId }, { actor: access.actor, entityType: 'status', unitId: null });
}

async function updateStatus(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof statusUpdate>, 'version'>) {
  const current = await findStatus(tx, access, id);
  access.assertTenantAdministrator();
  return updateAudited(tx, statuses, { current, expectedVersion: version, values: changes, present: presentStatus }, { actor: access.actor, entityType: 'status', unitId: null });
}

/** The tenant's status vocabulary: everyone reads it, the tenant administrator edits it. */
export function statusRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/statuses',
    tags: ['Administration'],
    noun: 'status',
    output: status,
    createInput: statusCreate,
    updateInput: statusUpdate,
    listQuery: statusListQuery,
    present: presentStatus,
    list: listStatuses,
    find: findStatus,
    create: createStatus,
    update: updateStatus,
  });
  return router;
}
