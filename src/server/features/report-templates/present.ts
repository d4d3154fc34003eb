import { reportTemplate, reportTemplateSettings } from '../../../domain/contracts/report-templates.ts';
import type { reportTemplates } from '../../db/schema/report-templates.ts';

type Row = typeof reportTemplates.$inferSelect;

/** A template as the contract shows it: the logo described, never its bytes. */
export function presentReportTemplate(row: Record<string, unknown>) {
  const template = row as unknown as Row;
  return reportTemplate.parse({
    id: template.id,
    unitId: template.unitId,
    settings: reportTemplateSettings.parse(template.settings),
    logo: logoSummary(template),
    version: template.version,
    updatedAt: template.updatedAt.toISOString(),
  });
}

/** What the audit log and the API say of a logo: its kind, size in pixels and bytes. */
export function logoSummary(row: Pick<Row, 'logo' | 'logoType' | 'logoWidth' | 'logoHeight'>) {
  if (!row.logo || !row.logoType) return null;
  return { type: row.logoType, width: row.logoWidth, height: row.logoHeight, byteSize: row.logo.length };
}
