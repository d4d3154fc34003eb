import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { idParams } from '../../../domain/contracts/common.ts';
import { issueReportBody, issuedReport, issuedReportListQuery, reportKindParam, reportQuery, type ReportKind } from '../../../domain/contracts/reports.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Database } from '../../db/client.ts';
import { issuedReports } from '../../db/schema/issued-reports.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { users } from '../../db/schema/users.ts';
import { AppError, preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { generateReport } from '../../reports/generate-report.ts';

const tags = ['Reports'];
const file = (description: string) => ({
  description,
  content: Object.fromEntries(
    ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html', 'text/markdown'].map((type) => [
      type,
      { schema: z.string().meta({ format: 'binary' }) },
    ]),
  ),
});

const issuedColumns = {
  id: issuedReports.id,
  kind: issuedReports.kind,
  unitId: issuedReports.unitId,
  unitName: orgUnits.name,
  period: issuedReports.period,
  format: issuedReports.format,
  title: issuedReports.title,
  fileName: issuedReports.fileName,
  byteSize: issuedReports.byteSize,
  sha256: issuedReports.sha256,
  note: issuedReports.note,
  issuedAt: issuedReports.issuedAt,
  issuedById: issuedReports.issuedById,
  issuedByName: users.name,
};

function presentIssued(row: { issuedAt: Date } & Record<string, unknown>) {
  return issuedReport.parse({ ...row, issuedAt: row.issuedAt.toISOString() });
}

function issuedQuery(db: Database) {
  return db
    .select(issuedColumns)
    .from(issuedReports)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, issuedReports.tenantId), eq(orgUnits.id, issuedReports.unitId)))
    .innerJoin(users, and(eq(users.tenantId, issuedReports.tenantId), eq(users.id, issuedReports.issuedById)))
    .$dynamic();
}

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
        'improvement-actions, activity-plan, activity-review, control-follow-up and plan are about one unit\'s plan for the period; council-summary sums up every nämnd and bolag under the unit. The caller sees only what their roles let them read. XLSX is offered for the tabular kinds (activity-plan, control-follow-up, plan, council-summary). The language follows Accept-Language (Swedish by default).',
      request: { params: reportKindParam, query: reportQuery },
      responses: { 200: file('The report'), ...problems('validation_failed', 'not_found') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const { kind } = c.req.valid('param');
      const query = c.req.valid('query');
      const locale = query.lang ?? preferredLocale(c.req.header('accept-language'));
      const report = await generateReport(db, access, { kind, unitId: query.unit, period: query.period, format: query.format, locale, archival: query.archival === true, planId: query.plan, revision: query.revision });
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
      responses: { 201: json(issuedReport, 'The archived copy (download it from /issued-reports/{id}/file)'), ...problems('validation_failed', 'forbidden', 'not_found') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const { kind } = c.req.valid('param');
      const body = c.req.valid('json');
      access.assertRole(body.unitId, MANAGING_ROLES);
      const locale = preferredLocale(c.req.header('accept-language'));
      const issued = await issueReport(db, access, kind, body, locale);
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
      responses: { 200: json(z.object({ items: z.array(issuedReport) }), 'Issued reports of the units you read'), ...problems('validation_failed') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const query = c.req.valid('query');
      const readable = access.readableUnitIds();
      if (query.unit) access.assertRead(query.unit);
      const rows = await issuedQuery(db)
        .where(
          and(
            eq(issuedReports.tenantId, access.tenantId),
            query.unit ? eq(issuedReports.unitId, query.unit) : undefined,
            query.kind ? eq(issuedReports.kind, query.kind) : undefined,
            readable === 'all' ? undefined : readable.length === 0 ? sql`false` : inArray(issuedReports.unitId, readable),
          ),
        )
        .orderBy(desc(issuedReports.issuedAt), desc(issuedReports.id));
      return c.json({ items: rows.map(presentIssued) }, 200);
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/issued-reports/{id}', tags, summary: 'One issued report', request: { params: idParams }, responses: { 200: json(issuedReport, 'The issued report'), ...problems('not_found') } }),
    async (c) => {
      const { db } = c.get('database');
      const row = await findIssued(db, c.get('access'), c.req.valid('param').id);
      return c.json(presentIssued(row), 200);
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
      const { db } = c.get('database');
      const access = c.get('access');
      const { id } = c.req.valid('param');
      const meta = await findIssued(db, access, id);
      const [row] = await db
        .select({ content: issuedReports.content, contentType: issuedReports.contentType })
        .from(issuedReports)
        .where(and(eq(issuedReports.tenantId, access.tenantId), eq(issuedReports.id, id)));
      return c.body(new Uint8Array(row!.content), 200, {
        'content-type': row!.contentType,
        'content-disposition': `attachment; filename="${meta.fileName}"`,
        'repr-digest': `sha-256=:${Buffer.from(meta.sha256, 'hex').toString('base64')}:`,
        etag: `"${meta.sha256}"`,
        'cache-control': 'private, max-age=31536000, immutable',
      });
    },
  );

  return router;
}

async function findIssued(db: Database, access: Access, id: string) {
  const [row] = await issuedQuery(db).where(and(eq(issuedReports.tenantId, access.tenantId), eq(issuedReports.id, id)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return row;
}

/** Generates the report and stores the exact bytes with their SHA-256, audited, in one transaction. */
export async function issueReport(db: Database, access: Access, kind: ReportKind, input: { unitId: string; period: string; format: 'docx' | 'pdf' | 'xlsx'; note?: string | undefined }, locale: 'sv' | 'en') {
  const report = await generateReport(db, access, { kind, unitId: input.unitId, period: input.period, format: input.format, locale, archival: input.format === 'pdf' });
  const sha256 = createHash('sha256').update(report.bytes).digest('hex');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(issuedReports)
      .values({
        tenantId: access.tenantId,
        kind,
        unitId: input.unitId,
        period: input.period,
        format: input.format,
        title: report.title,
        fileName: report.fileName,
        contentType: report.contentType,
        byteSize: report.bytes.length,
        sha256,
        content: report.bytes,
        note: input.note ?? null,
        issuedById: access.userId,
      })
      .returning({ id: issuedReports.id });
    await recordAuditEvents(tx, access.actor, [
      {
        entityType: 'issued_report',
        entityId: row!.id,
        operation: 'create',
        unitId: input.unitId,
        changes: { kind: [null, kind], period: [null, input.period], format: [null, input.format], sha256: [null, sha256], note: [null, input.note ?? null] },
      },
    ]);
    return row!.id;
  });
  return presentIssued(await findIssued(db, access, id));
}
