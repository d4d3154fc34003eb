import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { imageSize } from 'image-size';
import type { z } from 'zod';
import { reportTemplateSettings, type reportTemplateLogoPut } from '../../../domain/contracts/report-templates.ts';
import { LOGO_MAX_BYTES } from '../../../domain/report-template.ts';
import type { Access } from '../../access/access.ts';
import { assertCurrentVersion } from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { reportTemplates } from '../../db/schema/report-templates.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { logoSummary, presentReportTemplate } from './present.ts';
import { assertMayWriteTemplate, templateOfScope } from './template-scope.ts';

export type PutReportTemplateLogoOptions = z.infer<typeof reportTemplateLogoPut>;

/** A logo as it is stored: PNG or JPEG by its content, with its size in pixels; a problem naming `content` otherwise. */
export function readLogo(bytes: Buffer) {
  const refuse = (message: ReturnType<typeof localize>) =>
    new AppError('validation_failed', message, [{ path: 'content', message }]);
  if (bytes.length > LOGO_MAX_BYTES)
    throw refuse(localize((m) => m.reportTemplates.logoTooLarge(LOGO_MAX_BYTES / 1024 / 1024)));
  let found: ReturnType<typeof imageSize> | null;
  try {
    found = imageSize(bytes);
  } catch {
    // Not an image image-size knows.
    found = null;
  }
  const type = found?.type === 'png' ? 'image/png' : found?.type === 'jpg' ? 'image/jpeg' : null;
  if (!found || !type || !found.width || !found.height) throw refuse(localize((m) => m.reportTemplates.logoNotImage));
  return { logo: bytes, logoType: type, logoWidth: found.width, logoHeight: found.height };
}

/** What the audit log keeps of a logo: never its bytes, only what identifies them. */
function auditedLogo(row: {
  logo: Buffer | null;
  logoType: string | null;
  logoWidth: number | null;
  logoHeight: number | null;
}) {
  const summary = logoSummary(row);
  return summary && row.logo ? { ...summary, sha256: createHash('sha256').update(row.logo).digest('hex') } : null;
}

/**
 * Puts (or with null content removes) the logo of a scope's template; a scope without a
 * template gets one with the neutral settings. A change to a template names its version.
 */
export async function putReportTemplateLogo(tx: Transaction, access: Access, options: PutReportTemplateLogoOptions) {
  assertMayWriteTemplate(access, options.unitId);
  const logo =
    options.content === null
      ? { logo: null, logoType: null, logoWidth: null, logoHeight: null }
      : readLogo(Buffer.from(options.content, 'base64'));
  const current = await templateOfScope(tx, access, options.unitId, true);
  if (!current) {
    if (options.version !== undefined)
      throw new AppError(
        'conflict',
        localize((m) => m.reportTemplates.noLongerExists),
      );
    const settings = reportTemplateSettings.parse({});
    const [row] = await tx
      .insert(reportTemplates)
      .values({ tenantId: access.tenantId, unitId: options.unitId, settings, ...logo })
      .returning();
    await recordAuditEvents(tx, access.actor, [
      {
        entityType: 'report_template',
        entityId: row!.id,
        operation: 'create',
        unitId: options.unitId,
        changes: { unitId: [null, options.unitId], settings: [null, settings], logo: [null, auditedLogo(logo)] },
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
  const before = auditedLogo(current);
  const after = auditedLogo(logo);
  // The same logo again (or removing none) changes nothing: no new version, no audit event.
  if (JSON.stringify(before) === JSON.stringify(after)) return { row: current, created: false };
  const [row] = await tx
    .update(reportTemplates)
    .set({ ...logo, version: current.version + 1, updatedAt: access.clock.now() })
    .where(and(eq(reportTemplates.tenantId, access.tenantId), eq(reportTemplates.id, current.id)))
    .returning();
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: 'report_template',
      entityId: current.id,
      operation: 'update',
      unitId: options.unitId,
      changes: { logo: [before, after] },
    },
  ]);
  return { row: row!, created: false };
}
