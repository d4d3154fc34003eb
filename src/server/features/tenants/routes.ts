import { createRoute } from '@hono/zod-openapi';
import { me } from '../../../domain/contracts/auth.ts';
import { firstRunInput, firstRunState } from '../../../domain/contracts/tenants.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { startBrowserSession } from '../../auth/browser-session.ts';
import type { FirstRunSetup } from './first-run.ts';

/** The first-run page's API, open to everyone but guarded by the setup code from the server's log. */
export function setupRoutes(setup: FirstRunSetup) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/setup',
      tags: ['Sign-in'],
      summary: 'Whether the installation waits for its first tenant (then the web app shows the first-run page)',
      security: [],
      responses: { 200: json(firstRunState, 'The first run’s state') },
    }),
    async (c) => c.json({ needed: await setup.isNeeded(c.get('database').db) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/setup',
      tags: ['Sign-in'],
      summary: 'Create the first tenant and its administrator with the setup code from the server’s log; signs in',
      security: [],
      request: jsonBody(firstRunInput),
      responses: { 200: json(me, 'Created and signed in'), ...problems('validation_failed', 'duplicate', 'gone') },
    }),
    async (c) => {
      const created = await setup.run(c.get('database').db, c.req.valid('json'), c.get('clock'));
      return c.json(await startBrowserSession(c, { tenantId: created.tenantId, userId: created.adminId }), 200);
    },
  );

  return router;
}
