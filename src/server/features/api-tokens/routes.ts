import { createRoute } from '@hono/zod-openapi';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { apiToken, apiTokenCreate, apiTokenListQuery, createdApiToken } from '../../../domain/contracts/api-tokens.ts';
import { idParams, page } from '../../../domain/contracts/common.ts';
import { newApiTokenSecret } from '../../auth/api-token-secrets.ts';
import { creationChanges, recordAuditEvents } from '../../audit/record-audit-events.ts';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';

const presentApiToken = presentAs(apiToken);
const tags = ['Administration'];

/**
 * API tokens for integrations (BI tools, scripts), managed by the tenant administrator. A
 * token is shown once; only its hash is kept. Revoked, never deleted.
 */
export function apiTokenRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({ method: 'get', path: '/api-tokens', tags, summary: 'List API tokens (tenant administrator)', request: { query: apiTokenListQuery }, responses: { 200: json(page(apiToken), 'Tokens, without their secrets'), ...problems('forbidden') } }),
    async (c) => {
      const access = c.get('access');
      access.assertTenantAdministrator();
      const query = c.req.valid('query');
      const rows = await c
        .get('database')
        .db.select({ token: apiTokens, total: sql<number>`count(*) over ()` })
        .from(apiTokens)
        .where(and(eq(apiTokens.tenantId, access.tenantId), query.includeRevoked ? undefined : isNull(apiTokens.revokedAt)))
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
        .limit(query.limit)
        .offset(query.offset);
      return c.json({ items: rows.map((row) => presentApiToken(row.token)), total: rows.length > 0 ? Number(rows[0]!.total) : 0, limit: query.limit, offset: query.offset }, 200);
    },
  );

  router.openapi(
    createRoute({ method: 'post', path: '/api-tokens', tags, summary: 'Create an API token; the secret is in this answer only', request: jsonBody(apiTokenCreate), responses: { 201: json(createdApiToken, 'Created'), ...createProblems } }),
    async (c) => {
      const access = c.get('access');
      access.assertTenantAdministrator();
      const input = c.req.valid('json');
      const { token, secretHash, prefix } = newApiTokenSecret();
      const row = await c.get('database').db.transaction(async (tx) => {
        const userId = input.userId ?? access.userId;
        const [person] = await tx.select({ id: users.id, deactivatedAt: users.deactivatedAt }).from(users).where(and(eq(users.tenantId, access.tenantId), eq(users.id, userId)));
        if (!person || person.deactivatedAt) throw new AppError('validation_failed', undefined, [{ path: 'userId', message: { sv: 'Personen finns inte eller är avaktiverad.', en: 'The person does not exist or is deactivated.' } }]);
        const [created] = await tx.insert(apiTokens).values({ tenantId: access.tenantId, name: input.name, userId, access: input.access, secretHash, prefix, createdById: access.userId }).returning();
        await recordAuditEvents(tx, access.actor, [{ entityType: 'api_token', entityId: created!.id, operation: 'create', unitId: null, changes: creationChanges(created!) }]);
        return created!;
      });
      return c.json({ ...presentApiToken(row), token }, 201);
    },
  );

  router.openapi(
    createRoute({ method: 'post', path: '/api-tokens/{id}/revoke', tags, summary: 'Revoke an API token at once', request: { params: idParams }, responses: { 200: json(apiToken, 'Revoked'), ...updateProblems } }),
    async (c) => {
      const access = c.get('access');
      const { id } = c.req.valid('param');
      const row = await c.get('database').db.transaction(async (tx) => {
        const [current] = await tx.select().from(apiTokens).where(and(eq(apiTokens.tenantId, access.tenantId), eq(apiTokens.id, id)));
        if (!current) throw new AppError('not_found');
        access.assertTenantAdministrator();
        if (current.revokedAt) return current;
        const [revoked] = await tx.update(apiTokens).set({ revokedAt: sql`now()` }).where(and(eq(apiTokens.tenantId, access.tenantId), eq(apiTokens.id, id))).returning();
        await recordAuditEvents(tx, access.actor, [{ entityType: 'api_token', entityId: id, operation: 'revoke', unitId: null, changes: { revokedAt: [null, revoked!.revokedAt] } }]);
        return revoked!;
      });
      return c.json(presentApiToken(row), 200);
    },
  );
  return router;
}
