import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { reportTemplatePut } from '../../../domain/contracts/report-templates.ts';
import type { Access } from '../../access/access.ts';
import { assertCurrentVersion, changedFields } from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { reportTemplates } from '../../db/schema/report-templates.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { presentReportTemplate } from './present.ts';
import { assertMayWriteTemplate, templateOfScope } from './template-scope.ts';
import { assertValidTemplate } from './validate-template.ts';

/** JSON with every object's keys sorted, so two equal values read the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export type PutReportTemplateOptions = z.infer<typeof reportTemplatePut>;

/**
 * Writes the settings of a scope's template: a new one, or a change to the one there is, which
 * must name the version it changed. The logo is kept (it has its own endpoint).
 */
export async function putReportTemplate(tx: Transaction, access: Access, options: PutReportTemplateOptions) {
  assertMayWriteTemplate(access, options.unitId);
  assertValidTemplate(options.settings);
  const current = await templateOfScope(tx, access, options.unitId, true);
  if (!current) {
    if (options.version !== undefined)
      throw new AppError(
        'conflict',
        localize((m) => m.reportTemplates.noLongerExists),
      );
    const [row] = await tx
      .insert(reportTemplates)
      .values({ tenantId: access.tenantId, unitId: options.unitId, settings: options.settings })
      .returning();
    await recordAuditEvents(tx, access.actor, [
      {
        entityType: 'report_template',
        entityId: row!.id,
        operation: 'create',
        unitId: options.unitId,
        changes: { unitId: [null, options.unitId], settings: [null, options.settings] },
      },
    ]);
    return { row: row!, created: true };
  }
  if (options.version === undefined) {
    throw new AppError(
      'conflict',
      localize((m) => m.reportTemplates.alreadyWritten),
      [],
      { current: presentReportTemplate(current) },
    );
  }
  assertCurrentVersion(current, options.version, presentReportTemplate);
  // The same settings again (jsonb keeps keys in an order of its own) change nothing: no new version, no audit event.
  if (canonical(current.settings) === canonical(options.settings)) return { row: current, created: false };
  const changes = changedFields(current, { settings: options.settings });
  const [row] = await tx
    .update(reportTemplates)
    .set({ settings: options.settings, version: current.version + 1, updatedAt: access.clock.now() })
    .where(and(eq(reportTemplates.tenantId, access.tenantId), eq(reportTemplates.id, current.id)))
    .returning();
  await recordAuditEvents(tx, access.actor, [
    { entityType: 'report_template', entityId: current.id, operation: 'update', unitId: options.unitId, changes },
  ]);
  return { row: row!, created: false };
}
