import { createRoute, z } from '@hono/zod-openapi';
import {
  reportTemplate,
  reportTemplateLogoPut,
  reportTemplatePreview,
  reportTemplatePut,
  reportTemplateQuery,
  reportTemplateRead,
} from '../../../domain/contracts/report-templates.ts';
import { AppError, preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { localize } from '../../messages/messages.ts';
import { previewReportTemplate } from './preview-report-template.ts';
import { presentReportTemplate } from './present.ts';
import { putReportTemplateLogo } from './put-report-template-logo.ts';
import { putReportTemplate } from './put-report-template.ts';
import { readReportTemplate } from './read-report-template.ts';
import { templateOfScope } from './template-scope.ts';

const tags = ['Reports'];

/**
 * The tenant's own report template (and a unit's, which replaces it for the unit's reports):
 * letterhead, logo, cover page, tjänsteskrivelse, footer, and per kind the sections' order,
 * which are printed and their standard texts; with a preview of a template not saved yet.
 */
export function reportTemplateRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/report-templates',
      tags,
      summary: "The report template of the tenant, or of a unit (with the tenant's beside it)",
      request: { query: reportTemplateQuery },
      responses: { 200: json(reportTemplateRead, 'The template'), ...problems('validation_failed', 'not_found') },
    }),
    async (c) => c.json(await readReportTemplate(c.get('database').db, c.get('access'), c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/report-templates',
      tags,
      summary: 'Write the report template of the tenant or a unit',
      description:
        'The tenant administrator writes the tenant’s template, a coordinator a unit’s. Texts may hold the fields {nämnd}, {år}, {period} and {datum}; any other field, or a section that is not the kind’s, is refused with 400 naming it. A change names the version it changed (409 when stale).',
      request: jsonBody(reportTemplatePut),
      responses: {
        200: json(reportTemplate, 'Changed'),
        201: json(reportTemplate, 'Written'),
        ...problems('validation_failed', 'forbidden', 'not_found', 'conflict'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const input = c.req.valid('json');
      const result = await c.get('database').db.transaction((tx) => putReportTemplate(tx, access, input));
      return c.json(presentReportTemplate(result.row), result.created ? 201 : 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/report-templates/logo',
      tags,
      summary: 'Put or remove the logo of a report template',
      description:
        'PNG or JPEG, found from the content, at most 1 MB: anything else is refused with 400 naming `content`. A scope without a template gets one with the neutral settings.',
      request: jsonBody(reportTemplateLogoPut),
      responses: {
        200: json(reportTemplate, 'Changed'),
        201: json(reportTemplate, 'Written'),
        ...problems('validation_failed', 'forbidden', 'not_found', 'conflict'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const input = c.req.valid('json');
      const result = await c.get('database').db.transaction((tx) => putReportTemplateLogo(tx, access, input));
      return c.json(presentReportTemplate(result.row), result.created ? 201 : 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/report-templates/logo',
      tags,
      summary: 'The logo of a report template',
      request: { query: reportTemplateQuery },
      responses: {
        200: {
          description: 'The image',
          content: Object.fromEntries(
            ['image/png', 'image/jpeg'].map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }]),
          ),
        },
        ...problems('validation_failed', 'not_found'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const { unit } = c.req.valid('query');
      if (unit) access.assertRead(unit);
      const row = await templateOfScope(c.get('database').db, access, unit ?? null);
      if (!row?.logo || !row.logoType)
        throw new AppError(
          'not_found',
          localize((m) => m.reportTemplates.noLogo),
        );
      return c.body(new Uint8Array(row.logo), 200, {
        'content-type': row.logoType,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/report-templates/preview',
      tags,
      summary: 'A report as HTML in a template not saved yet (the live preview)',
      request: jsonBody(reportTemplatePreview),
      responses: {
        200: { description: 'The report', content: { 'text/html': { schema: z.string() } } },
        ...problems('validation_failed', 'not_found'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const locale = input.lang ?? preferredLocale(c.req.header('accept-language'));
      const html = await previewReportTemplate(c.get('database').db, c.get('access'), { ...input, locale });
      return c.body(html, 200, {
        'content-type': 'text/html; charset=utf-8',
        'content-language': locale,
        'cache-control': 'no-store',
      });
    },
  );

  return router;
}
