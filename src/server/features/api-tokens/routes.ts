import { createRoute } from '@hono/zod-openapi';
import { apiToken, apiTokenCreate, apiTokenListQuery, createdApiToken } from '../../../domain/contracts/api-tokens.ts';
import { idParams, page } from '../../../domain/contracts/common.ts';
import { createRouter } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { createApiToken } from './create-api-token.ts';
import { listApiTokens } from './list-api-tokens.ts';
import { revokeApiToken } from './revoke-api-token.ts';

const presentApiToken = presentAs(apiToken);
const tags = ['Administration'];

/**
 * API tokens for integrations (BI tools, scripts), managed by the tenant administrator. A
 * token is shown once; only its hash is kept. Revoked, never deleted.
 */
export function apiTokenRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/api-tokens',
      tags,
      summary: 'List API tokens (tenant administrator)',
      request: { query: apiTokenListQuery },
      responses: { 200: json(page(apiToken), 'Tokens, without their secrets'), ...problems('forbidden') },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { items, total } = await listApiTokens(c.get('database').db, c.get('access'), query);
      return c.json({ items: items.map(presentApiToken), total, limit: query.limit, offset: query.offset }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/api-tokens',
      tags,
      summary: 'Create an API token; the secret is in this answer only',
      request: jsonBody(apiTokenCreate),
      responses: { 201: json(createdApiToken, 'Created'), ...createProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const input = c.req.valid('json');
      const { row, token } = await c.get('database').db.transaction((tx) => createApiToken(tx, access, input));
      return c.json({ ...presentApiToken(row), token }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/api-tokens/{id}/revoke',
      tags,
      summary: 'Revoke an API token at once',
      request: { params: idParams },
      responses: { 200: json(apiToken, 'Revoked'), ...updateProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const { id } = c.req.valid('param');
      const row = await c.get('database').db.transaction((tx) => revokeApiToken(tx, access, { apiTokenId: id }));
      return c.json(presentApiToken(row), 200);
    },
  );
  return router;
}
