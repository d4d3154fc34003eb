import { createRoute, z } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import {
  issueReportBody,
  issuedReport,
  issuedReportDecision,
  issuedReportDecisionPut,
  issuedReportListQuery,
  reportKindParam,
  reportQuery,
} from '../../../domain/contracts/reports.ts';
import { preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { generateReport } from '../../reports/generate-report.ts';
import { findIssuedReport, readIssuedReportFile } from './find-issued-report.ts';
import { issueReport } from './issue-report.ts';
import { listIssuedReports } from './list-issued-reports.ts';
import { presentIssued } from './present.ts';
import { decisionsOf, expectedVersionOrNone, putReportDecision } from './report-decisions.ts';

const tags = ['Reports'];
const file = (description: string) => ({
  description,
  content: Object.fromEntries(
    [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/html',
      'text/markdown',
    ].map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }]),
  ),
});

/** Reports in every format, and the archive of reports sent to the nämnd. */
export function reportRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports/{kind}',
      tags,
      summary: 'Generate a report for a unit and period',
      description:
        "improvement-actions, activity-plan, activity-review, control-follow-up and plan are about one unit's plan for the period; council-summary sums up every nämnd and bolag under the unit. The caller sees only what their roles let them read. XLSX is offered for the tabular kinds (activity-plan, control-follow-up, plan, council-summary). The language follows Accept-Language (Swedish by default).",
      request: { params: reportKindParam, query: reportQuery },
      responses: { 200: file('The report'), ...problems('validation_failed', 'not_found') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const { kind } = c.req.valid('param');
      const query = c.req.valid('query');
      const locale = query.lang ?? preferredLocale(c.req.header('accept-language'));
      const report = await generateReport(db, access, {
        kind,
        unitId: query.unit,
        period: query.period,
        format: query.format,
        locale,
        archival: query.archival === true,
        planId: query.plan,
        revision: query.revision,
      });
      return c.body(new Uint8Array(report.bytes), 200, {
        'content-type': report.contentType,
        'content-language': locale,
        'content-disposition': `${query.format === 'html' ? 'inline' : 'attachment'}; filename="${report.fileName}"`,
        'cache-control': 'no-store',
      });
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/reports/{kind}/issue',
      tags,
      summary: 'Skicka till nämnd: generate a report and keep the exact file as an immutable archived copy',
      request: { params: reportKindParam, ...jsonBody(issueReportBody) },
      responses: {
        201: json(issuedReport, 'The archived copy (download it from /issued-reports/{id}/file)'),
        ...problems('validation_failed', 'forbidden', 'not_found'),
      },
    }),
    async (c) => {
      const locale = preferredLocale(c.req.header('accept-language'));
      const issued = await issueReport(c.get('database').db, c.get('access'), {
        kind: c.req.valid('param').kind,
        ...c.req.valid('json'),
        locale,
      });
      return c.json(issued, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/issued-reports',
      tags,
      summary: 'The reports sent to the nämnd, newest first',
      request: { query: issuedReportListQuery },
      responses: {
        200: json(z.object({ items: z.array(issuedReport) }), 'Issued reports of the units you read'),
        ...problems('validation_failed'),
      },
    }),
    async (c) => {
      return c.json(
        { items: await listIssuedReports(c.get('database').db, c.get('access'), c.req.valid('query')) },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/issued-reports/{id}',
      tags,
      summary: 'One issued report',
      request: { params: idParams },
      responses: { 200: json(issuedReport, 'The issued report'), ...problems('not_found') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const row = await findIssuedReport(db, access, { issuedReportId: c.req.valid('param').id });
      const decisions = await decisionsOf(db, access.tenantId, [row.id]);
      return c.json(presentIssued(row, decisions.get(row.id) ?? null), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/issued-reports/{id}/decision',
      tags,
      summary: 'Record the decision the nämnd or kommunstyrelsen took on an issued report, or replace it',
      description:
        'Godkänd (approved), återremitterad (referred_back) or noterad (noted), with the deciding body, date, § and diarienummer. Replacing a recorded decision names its version (in the body or If-Match); 409 when it is stale or when none is named.',
      request: { params: idParams, ...jsonBody(issuedReportDecisionPut) },
      responses: {
        200: json(issuedReportDecision, 'Replaced'),
        201: json(issuedReportDecision, 'Recorded'),
        ...problems('validation_failed', 'forbidden', 'not_found', 'conflict'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const { version, ...input } = c.req.valid('json');
      const result = await c.get('database').db.transaction((tx) =>
        putReportDecision(tx, access, {
          ...input,
          issuedReportId: c.req.valid('param').id,
          version: expectedVersionOrNone(version, c.req.header('if-match')),
        }),
      );
      return c.json(result.decision, result.created ? 201 : 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/issued-reports/{id}/file',
      tags,
      summary: 'The issued file, byte-identical to what was sent; its SHA-256 is in the Repr-Digest header',
      request: { params: idParams },
      responses: { 200: file('The file as issued'), ...problems('not_found') },
    }),
    async (c) => {
      const issued = await readIssuedReportFile(c.get('database').db, c.get('access'), {
        issuedReportId: c.req.valid('param').id,
      });
      return c.body(new Uint8Array(issued.content), 200, {
        'content-type': issued.contentType,
        'content-disposition': `attachment; filename="${issued.fileName}"`,
        'repr-digest': `sha-256=:${Buffer.from(issued.sha256, 'hex').toString('base64')}:`,
        etag: `"${issued.sha256}"`,
        'cache-control': 'private, max-age=31536000, immutable',
      });
    },
  );

  return router;
}
