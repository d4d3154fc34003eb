import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { REPORT_TEXT_SECTIONS, reportText, reportTextListQuery, reportTextPut } from '../../../domain/contracts/reports.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { assertCurrentVersion, changedFields, insertAudited } from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { reportTexts } from '../../db/schema/report-texts.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';

type Row = typeof reportTexts.$inferSelect;
const tags = ['Reports'];

function present(row: Record<string, unknown>) {
  const text = row as unknown as Row;
  return reportText.parse({ ...text, updatedAt: text.updatedAt.toISOString() });
}

/** A tenant-wide text is the tenant administrator's; a unit's text is its coordinators'. */
function assertMayWrite(access: Access, unitId: string | null) {
  if (unitId === null) access.assertTenantAdministrator();
  else access.assertRole(unitId, MANAGING_ROLES);
}

/**
 * Writes the text of one scope (kind, section, unit, year): a new one, or a change to the one
 * there is, which must name the version it changed.
 */
async function putReportText(tx: Transaction, access: Access, input: z.infer<typeof reportTextPut>) {
  const sections: readonly string[] = REPORT_TEXT_SECTIONS[input.reportKind];
  if (!sections.includes(input.section)) {
    throw new AppError('validation_failed', undefined, [
      { path: 'section', message: { sv: `Rapporten har avsnitten ${sections.join(', ')}.`, en: `The report has the sections ${sections.join(', ')}.` } },
    ]);
  }
  assertMayWrite(access, input.unitId);
  const [current] = await tx
    .select()
    .from(reportTexts)
    .where(
      and(
        eq(reportTexts.tenantId, access.tenantId),
        eq(reportTexts.reportKind, input.reportKind),
        eq(reportTexts.section, input.section),
        input.unitId === null ? isNull(reportTexts.unitId) : eq(reportTexts.unitId, input.unitId),
        input.year === null ? isNull(reportTexts.year) : eq(reportTexts.year, input.year),
      ),
    )
    .for('update');
  const audit = { actor: access.actor, entityType: 'report_text', unitId: input.unitId };
  if (!current) {
    if (input.version !== undefined) throw new AppError('conflict', { sv: 'Texten finns inte längre.', en: 'The text no longer exists.' });
    return { row: await insertAudited(tx, reportTexts, { tenantId: access.tenantId, reportKind: input.reportKind, section: input.section, unitId: input.unitId, year: input.year, body: input.body }, audit), created: true };
  }
  if (input.version === undefined) {
    throw new AppError('conflict', { sv: 'Det finns redan en text här. Läs in den och ändra den.', en: 'There is already a text here. Load it and change it.' }, [], { current: present(current) });
  }
  assertCurrentVersion(current, input.version, present);
  const changes = changedFields(current, { body: input.body });
  const [row] = await tx
    .update(reportTexts)
    .set({ body: input.body, version: current.version + 1, updatedAt: access.clock.now() })
    .where(and(eq(reportTexts.tenantId, access.tenantId), eq(reportTexts.id, current.id)))
    .returning();
  await recordAuditEvents(tx, access.actor, [{ entityType: 'report_text', entityId: current.id, operation: 'update', unitId: input.unitId, changes }]);
  return { row: row!, created: false };
}

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
      const { db } = c.get('database');
      const access = c.get('access');
      const query = c.req.valid('query');
      if (query.unit) access.assertRead(query.unit);
      const readable = access.readableUnitIds();
      const rows = await db
        .select()
        .from(reportTexts)
        .where(
          and(
            eq(reportTexts.tenantId, access.tenantId),
            query.reportKind ? eq(reportTexts.reportKind, query.reportKind) : undefined,
            query.unit ? or(isNull(reportTexts.unitId), eq(reportTexts.unitId, query.unit)) : undefined,
            readable === 'all' ? undefined : or(isNull(reportTexts.unitId), readable.length === 0 ? sql`false` : inArray(reportTexts.unitId, readable)),
          ),
        )
        .orderBy(asc(reportTexts.reportKind), asc(reportTexts.section), asc(reportTexts.year));
      return c.json({ items: rows.map(present) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/report-texts',
      tags,
      summary: 'Write the text of a report section for the tenant, a unit or a unit and year',
      request: jsonBody(reportTextPut),
      responses: { 200: json(reportText, 'Changed'), 201: json(reportText, 'Written'), ...problems('validation_failed', 'forbidden', 'not_found', 'conflict') },
    }),
    async (c) => {
      const access = c.get('access');
      const input = c.req.valid('json');
      const result = await c.get('database').db.transaction((tx) => putReportText(tx, access, input));
      return c.json(present(result.row), result.created ? 201 : 200);
    },
  );

  return router;
}
