import { createRoute, z } from '@hono/zod-openapi';
import { reportText, reportTextListQuery, reportTextPut } from '../../../domain/contracts/reports.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { listReportTexts } from './list-report-texts.ts';
import { presentReportText } from './present.ts';
import { putReportText } from './put-report-text.ts';

const tags = ['Reports'];

/** The tenant's texts for reports: introductions, guidance, the board's evaluation. */
export function reportTextRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/report-texts',
      tags,
      summary: 'The texts written for reports (tenant-wide and for the units you read)',
      request: { query: reportTextListQuery },
      responses: { 200: json(z.object({ items: z.array(reportText) }), 'Texts'), ...problems('validation_failed') },
    }),
    async (c) => {
      const rows = await listReportTexts(c.get('database').db, c.get('access'), c.req.valid('query'));
      return c.json({ items: rows.map(presentReportText) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/report-texts',
      tags,
      summary: 'Write the text of a report section for the tenant, a unit or a unit and year',
      request: jsonBody(reportTextPut),
      responses: {
        200: json(reportText, 'Changed'),
        201: json(reportText, 'Written'),
        ...problems('validation_failed', 'forbidden', 'not_found', 'conflict'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const input = c.req.valid('json');
      const result = await c.get('database').db.transaction((tx) => putReportText(tx, access, input));
      return c.json(presentReportText(result.row), result.created ? 201 : 200);
    },
  );

  return router;
}
