import { createRoute } from '@hono/zod-openapi';
import { auditEvent, auditEventListQuery } from '../../../domain/contracts/audit-events.ts';
import { page } from '../../../domain/contracts/common.ts';
import { preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { listAuditEvents } from './list-audit-events.ts';

const presentAuditEvent = presentAs(auditEvent);

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
      const query = c.req.valid('query');
      const locale = preferredLocale(c.req.header('accept-language'));
      const { items, total } = await listAuditEvents(c.get('database').db, c.get('access'), { ...query, locale });
      return c.json({ items: items.map(presentAuditEvent), total, limit: query.limit, offset: query.offset }, 200);
    },
  );
  return router;
}
