import { createRoute, z } from '@hono/zod-openapi';
import { outboxMessage, outboxQuery } from '../../../domain/contracts/outbox.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems } from '../../http/openapi-helpers.ts';
import { listOutboxMessages } from './list-outbox-messages.ts';

/** The tenant's e-mail, newest first: what went out, and, without SMTP, what would have. */
export function outboxRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/outbox',
      tags: ['Outbox'],
      summary: 'The e-mail Uppsikt has written (reminders and deviation notices), for the tenant administrator',
      request: { query: outboxQuery },
      responses: {
        200: json(z.object({ items: z.array(outboxMessage) }), 'Messages, newest first'),
        ...problems('validation_failed', 'forbidden'),
      },
    }),
    async (c) =>
      c.json({ items: await listOutboxMessages(c.get('database').db, c.get('access'), c.req.valid('query')) }, 200),
  );
  return router;
}
