import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import { outboxMessage, outboxQuery } from '../../../domain/contracts/outbox.ts';
import { outboxMessages } from '../../db/schema/outbox-messages.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems } from '../../http/openapi-helpers.ts';

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
      responses: { 200: json(z.object({ items: z.array(outboxMessage) }), 'Messages, newest first'), ...problems('validation_failed', 'forbidden') },
    }),
    async (c) => {
      const access = c.get('access');
      if (!access.isTenantAdministrator) throw new AppError('forbidden', { sv: 'Bara kommunens administratör läser utkorgen.', en: 'Only the tenant administrator reads the outbox.' });
      const { kind, limit } = c.req.valid('query');
      const rows = await c
        .get('database')
        .db.select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.tenantId, access.tenantId), kind ? eq(outboxMessages.kind, kind) : undefined))
        .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
        .limit(limit);
      return c.json({ items: rows.map((row) => outboxMessage.parse({ ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null })) }, 200);
    },
  );
  return router;
}
