import { createRoute } from '@hono/zod-openapi';
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { auditEvent, auditEventListQuery } from '../../../domain/contracts/audit-events.ts';
import { page } from '../../../domain/contracts/common.ts';
import { alias } from 'drizzle-orm/pg-core';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { users } from '../../db/schema/users.ts';
import { createRouter } from '../../http/api-router.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { json, problems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { personDisplayName } from '../../../domain/person.ts';
import { preferredLocale } from '../../errors.ts';

const presentAuditEvent = presentAs(auditEvent);
const tokenCreators = alias(users, 'token_creators');

/**
 * The audit log, read-only. An auditor and the tenant's administrator read all of it; others
 * read the history of what belongs to the units they read.
 */
export function auditEventRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/audit-events',
      tags: ['Audit log'],
      summary: 'The audit log, filtered by entity, actor and time',
      request: { query: auditEventListQuery },
      responses: { 200: json(page(auditEvent), 'A page of events, newest first'), ...problems('validation_failed') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const query = c.req.valid('query');
      const locale = preferredLocale(c.req.header('accept-language'));
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
        .leftJoin(tokenCreators, and(eq(tokenCreators.tenantId, apiTokens.tenantId), eq(tokenCreators.id, apiTokens.createdById)))
        .where(and(...where))
        .orderBy(...orderBy(query.sort, { occurredAt: auditEvents.occurredAt }, '-occurredAt', auditEvents.id))
        .limit(query.limit)
        .offset(query.offset);
      return c.json(
        {
          items: rows.map((row) =>
            presentAuditEvent({
              ...row.event,
              actorName: row.actorName === null ? null : personDisplayName({ name: row.actorName, deactivatedAt: row.actorDeactivatedAt }, locale),
              actorToken:
                row.token === null || row.tokenCreator === null
                  ? null
                  : { ...row.token, createdByName: personDisplayName({ name: row.tokenCreator.name, deactivatedAt: row.tokenCreator.deactivatedAt }, locale) },
            }),
          ),
          total: rows.length > 0 ? Number(rows[0]!.total) : 0,
          limit: query.limit,
          offset: query.offset,
        },
        200,
      );
    },
  );
  return router;
}
