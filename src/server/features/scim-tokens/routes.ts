import { createRoute } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import {
  createdScimToken,
  scimToken,
  scimTokenCreate,
  scimTokenList,
  scimTokenListQuery,
} from '../../../domain/contracts/scim.ts';
import { createRouter } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { createScimToken } from './create-scim-token.ts';
import { listScimTokens } from './list-scim-tokens.ts';
import { revokeScimToken } from './revoke-scim-token.ts';

const presentScimToken = presentAs(scimToken);
const tags = ['Administration'];

/** The SCIM base address the directory is given: the public address and /scim/v2. */
function scimBaseUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/scim/v2`;
}

/**
 * The bearer tokens with which the tenant's directory (Entra ID) provisions people and groups
 * over SCIM, managed by the tenant administrator. A token is shown once; only its hash is kept.
 * Revoked, never deleted.
 */
export function scimTokenRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/scim-tokens',
      tags,
      summary: 'List SCIM tokens (tenant administrator)',
      request: { query: scimTokenListQuery },
      responses: { 200: json(scimTokenList, 'Tokens, without their secrets'), ...problems('forbidden') },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { items, total } = await listScimTokens(c.get('database').db, c.get('access'), query);
      return c.json(
        {
          items: items.map(presentScimToken),
          total,
          limit: query.limit,
          offset: query.offset,
          baseUrl: scimBaseUrl(c.get('linkMail').publicUrl),
        },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/scim-tokens',
      tags,
      summary: 'Create a SCIM token; the secret is in this answer only',
      request: jsonBody(scimTokenCreate),
      responses: { 201: json(createdScimToken, 'Created'), ...createProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const { row, token } = await c.get('database').db.transaction((tx) => createScimToken(tx, access));
      return c.json({ ...presentScimToken(row), token, baseUrl: scimBaseUrl(c.get('linkMail').publicUrl) }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/scim-tokens/{id}',
      tags,
      summary: 'Revoke a SCIM token at once (kept, never deleted)',
      request: { params: idParams },
      responses: { 200: json(scimToken, 'Revoked'), ...updateProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const { id } = c.req.valid('param');
      const row = await c.get('database').db.transaction((tx) => revokeScimToken(tx, access, { scimTokenId: id }));
      return c.json(presentScimToken(row), 200);
    },
  );
  return router;
}
