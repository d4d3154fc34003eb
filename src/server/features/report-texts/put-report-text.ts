import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { REPORT_TEXT_SECTIONS, type reportTextPut } from '../../../domain/contracts/reports.ts';
import { TEMPLATE_FIELDS, unknownFields } from '../../../domain/report-template.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { assertCurrentVersion, changedFields, insertAudited } from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { reportTexts } from '../../db/schema/report-texts.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { presentReportText } from './present.ts';

/** The text and its scope (kind, section, unit, year), with the version changed when there is one already. */
export type PutReportTextOptions = z.infer<typeof reportTextPut>;

/** A tenant-wide text is the tenant administrator's; a unit's text is its coordinators'. */
function assertMayWrite(access: Access, unitId: string | null) {
  if (unitId === null) access.assertTenantAdministrator();
  else access.assertRole(unitId, MANAGING_ROLES);
}

/**
 * Writes the text of one scope (kind, section, unit, year): a new one, or a change to the one
 * there is, which must name the version it changed.
 */
export async function putReportText(tx: Transaction, access: Access, options: PutReportTextOptions) {
  const sections: readonly string[] = REPORT_TEXT_SECTIONS[options.reportKind];
  if (!sections.includes(options.section)) {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'section',
        message: localize((m) => m.reportTexts.sections(sections.join(', '))),
      },
    ]);
  }
  // A text is filled in like a template's: {nämnd}, {år}, {period}, {datum}, nothing else.
  const [unknown] = unknownFields(options.body);
  if (unknown !== undefined) {
    const fields = TEMPLATE_FIELDS.map((field) => `{${field}}`).join(', ');
    throw new AppError('validation_failed', undefined, [
      { path: 'body', message: localize((m) => m.reportTemplates.unknownField(unknown, fields)) },
    ]);
  }
  assertMayWrite(access, options.unitId);
  const [current] = await tx
    .select()
    .from(reportTexts)
    .where(
      and(
        eq(reportTexts.tenantId, access.tenantId),
        eq(reportTexts.reportKind, options.reportKind),
        eq(reportTexts.section, options.section),
        options.unitId === null ? isNull(reportTexts.unitId) : eq(reportTexts.unitId, options.unitId),
        options.year === null ? isNull(reportTexts.year) : eq(reportTexts.year, options.year),
      ),
    )
    .for('update');
  const audit = { actor: access.actor, entityType: 'report_text', unitId: options.unitId };
  if (!current) {
    if (options.version !== undefined)
      throw new AppError(
        'conflict',
        localize((m) => m.reportTexts.noLongerExists),
      );
    return {
      row: await insertAudited(
        tx,
        reportTexts,
        {
          tenantId: access.tenantId,
          reportKind: options.reportKind,
          section: options.section,
          unitId: options.unitId,
          year: options.year,
          body: options.body,
        },
        audit,
      ),
      created: true,
    };
  }
  if (options.version === undefined) {
    throw new AppError(
      'conflict',
      localize((m) => m.reportTexts.alreadyWritten),
      [],
      { current: presentReportText(current) },
    );
  }
  assertCurrentVersion(current, options.version, presentReportText);
  const changes = changedFields(current, { body: options.body });
  const [row] = await tx
    .update(reportTexts)
    .set({ body: options.body, version: current.version + 1, updatedAt: access.clock.now() })
    .where(and(eq(reportTexts.tenantId, access.tenantId), eq(reportTexts.id, current.id)))
    .returning();
  await recordAuditEvents(tx, access.actor, [
    { entityType: 'report_text', entityId: current.id, operation: 'update', unitId: options.unitId, changes },
  ]);
  return { row: row!, created: false };
}
