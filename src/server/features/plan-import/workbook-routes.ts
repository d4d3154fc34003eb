import { createRoute, z } from '@hono/zod-openapi';
import { preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { problems } from '../../http/openapi-helpers.ts';
import { buildPlanWorkbook } from './export-workbook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const planIdParams = z.object({ planId: z.uuid().meta({ param: { name: 'planId', in: 'path' } }) });
const workbookQuery = z.object({
  lang: z
    .enum(['sv', 'en'])
    .optional()
    .meta({ description: 'The language of the sheets and headings; by default the one of Accept-Language (Swedish).' }),
});

/**
 * The header that names a downloaded file: the name as it is for the browsers that read
 * filename* (RFC 6266), and a plain-letters version of it for those that do not.
 */
export function attachmentHeader(fileName: string): string {
  const plain = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '-')
    .replace(/["\\]/g, '');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The plan as an Excel workbook made for editing and importing back. */
export function planWorkbookRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{planId}/workbook',
      tags: ['Plans'],
      summary: 'The plan as an Excel workbook to edit and import back',
      description:
        'One sheet per kind of row (risks, controls, actions, follow-ups; or activities with their sub-activities, follow-ups), every item that is not archived, with ids and versions in hidden columns and the fixed vocabularies (status, likelihood and consequence, carry over, period) as drop-downs. Imported back, the rows are matched by their ids, and rows changed in Uppsikt since the export are shown as conflicts. The caller must read the plan.',
      request: { params: planIdParams, query: workbookQuery },
      responses: {
        200: {
          description: 'The workbook (XLSX)',
          content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
        },
        ...problems('validation_failed', 'not_found'),
      },
    }),
    async (c) => {
      const locale = c.req.valid('query').lang ?? preferredLocale(c.req.header('accept-language'));
      const workbook = await buildPlanWorkbook(
        c.get('database').db,
        c.get('access'),
        c.req.valid('param').planId,
        locale,
      );
      return c.body(new Uint8Array(workbook.bytes), 200, {
        'content-type': XLSX,
        'content-language': locale,
        'content-disposition': attachmentHeader(workbook.fileName),
        'cache-control': 'no-store',
      });
    },
  );

  return router;
}
