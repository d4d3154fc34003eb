import { createRoute } from '@hono/zod-openapi';
import { tenantSettings, tenantSettingsUpdate } from '../../../domain/contracts/tenant-settings.ts';
import { expectedVersion } from '../../audit/audited-writes.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { getTenantSettings } from './get-tenant-settings.ts';
import { updateTenantSettings } from './update-tenant-settings.ts';

/** The tenant's local sign-in policy: SSO required, a second factor for administrators (tenant administrator). */
export function tenantSettingsRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/tenant-settings',
      tags: ['Administration'],
      summary: 'The tenant’s sign-in policy (tenant administrator)',
      responses: { 200: json(tenantSettings, 'The policy'), ...problems('forbidden') },
    }),
    async (c) => c.json(await getTenantSettings(c.get('database').db, c.get('access')), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/tenant-settings',
      tags: ['Administration'],
      summary: 'Change the tenant’s sign-in policy (tenant administrator)',
      description:
        'Requiring SSO is refused (400 at `requireSso`) unless at least one active administrator of the whole organisation is marked break-glass and at least one identity provider is enabled: nobody locks the tenant out.',
      request: jsonBody(tenantSettingsUpdate),
      responses: { 200: json(tenantSettings, 'Changed'), ...updateProblems },
    }),
    async (c) => {
      const { version, ...changes } = c.req.valid('json');
      const access = c.get('access');
      const answer = await c
        .get('database')
        .db.transaction((tx) =>
          updateTenantSettings(tx, access, { version: expectedVersion(version, c.req.header('if-match')), changes }),
        );
      return c.json(answer, 200);
    },
  );

  return router;
}
