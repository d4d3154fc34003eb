import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { auditEventListQuery } from '../../../domain/contracts/audit-events.ts';
import { personDisplayName } from '../../../domain/person.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { users } from '../../db/schema/users.ts';
import type { Locale } from '../../errors.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { nameReferences } from './name-references.ts';

const tokenCreators = alias(users, 'token_creators');

/** The filters and page of the request, and the language the names are shown in ("(borttagen)" or "(removed)"). */
export type ListAuditEventsOptions = z.infer<typeof auditEventListQuery> & { locale: Locale };

/**
 * A page of the audit log, newest first by default, filtered by entity, actor and time. An
 * auditor and the tenant's administrator read all of it; others read the events of the units
 * they read. Each event names its actor: the person, or the API token and who created it; the
 * entity by its current title; and the people, units, statuses and vocabulary entries whose
 * ids its changes hold.
 */
export async function listAuditEvents(db: Database, access: Access, { locale, ...query }: ListAuditEventsOptions) {
  const where: (SQL | undefined)[] = [eq(auditEvents.tenantId, access.tenantId)];
  if (!access.readsWholeAuditLog) {
    const units = access.readableUnitIds();
    if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(auditEvents.unitId, units));
  }
  if (query.entityType) where.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditEvents.entityId, query.entityId));
  if (query.actorUserId) where.push(eq(auditEvents.actorUserId, query.actorUserId));
  if (query.actorTokenId) where.push(eq(auditEvents.actorTokenId, query.actorTokenId));
  if (query.from) where.push(gte(auditEvents.occurredAt, new Date(query.from)));
  if (query.to) where.push(lt(auditEvents.occurredAt, new Date(query.to)));
  const rows = await db
    .select({
      event: auditEvents,
      actorName: users.name,
      actorDeactivatedAt: users.deactivatedAt,
      token: { id: apiTokens.id, name: apiTokens.name, createdById: apiTokens.createdById },
      tokenCreator: { name: tokenCreators.name, deactivatedAt: tokenCreators.deactivatedAt },
      total: sql<number>`count(*) over ()`,
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
    .leftJoin(apiTokens, and(eq(apiTokens.tenantId, auditEvents.tenantId), eq(apiTokens.id, auditEvents.actorTokenId)))
    .leftJoin(
      tokenCreators,
      and(eq(tokenCreators.tenantId, apiTokens.tenantId), eq(tokenCreators.id, apiTokens.createdById)),
    )
    .where(and(...where))
    .orderBy(...orderBy(query.sort, { occurredAt: auditEvents.occurredAt }, '-occurredAt', auditEvents.id))
    .limit(query.limit)
    .offset(query.offset);
  const named = await nameReferences(
    db,
    access.tenantId,
    rows.map((row) => row.event),
    locale,
  );
  return {
    items: rows.map((row) => ({
      ...row.event,
      entityTitle: named.titleOf(row.event),
      names: named.namesIn(row.event),
      actorName:
        row.actorName === null
          ? null
          : personDisplayName({ name: row.actorName, deactivatedAt: row.actorDeactivatedAt }, locale),
      actorToken:
        row.token === null || row.tokenCreator === null
          ? null
          : {
              ...row.token,
              createdByName: personDisplayName(
                { name: row.tokenCreator.name, deactivatedAt: row.tokenCreator.deactivatedAt },
                locale,
              ),
            },
    })),
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
  };
}
