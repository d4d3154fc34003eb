import { createRoute } from '@hono/zod-openapi';
import {
  orgImportConfirm,
  orgImportFile,
  orgImportKindParams,
  orgImportPreview,
  orgImportResult,
} from '../../../domain/contracts/org-import.ts';
import { preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { applyOrgImport, previewOrgImport } from './org-import.ts';

/**
 * The organisation in one go: the unit tree, or the people with their roles, from a CSV or XLSX
 * file. First a preview (nothing written), then the confirmation with the preview's fingerprint,
 * carried out in one transaction. Tenant administrators only.
 */
export function orgImportRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/imports/{kind}/preview',
      tags: ['Administration'],
      summary: 'What importing units or people from a CSV or XLSX file would do, row by row; writes nothing',
      request: { params: orgImportKindParams, ...jsonBody(orgImportFile) },
      responses: {
        200: json(orgImportPreview, 'The preview'),
        ...problems('validation_failed', 'forbidden'),
      },
    }),
    async (c) => {
      const preview = await previewOrgImport(
        c.get('database').db,
        c.get('access'),
        c.req.valid('param').kind,
        c.req.valid('json'),
        preferredLocale(c.req.header('accept-language')),
      );
      return c.json(preview, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/imports/{kind}',
      tags: ['Administration'],
      summary: 'Import units or people as previewed, in one transaction; 409 if the outcome changed since the preview',
      request: { params: orgImportKindParams, ...jsonBody(orgImportConfirm) },
      responses: {
        200: json(orgImportResult, 'Imported'),
        ...problems('validation_failed', 'forbidden', 'conflict'),
      },
    }),
    async (c) => {
      const result = await c
        .get('database')
        .db.transaction((tx) => applyOrgImport(tx, c.get('access'), c.req.valid('param').kind, c.req.valid('json')));
      return c.json(result, 200);
    },
  );

  return router;
}
