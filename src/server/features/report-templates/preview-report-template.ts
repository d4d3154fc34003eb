import type { z } from 'zod';
import type { reportTemplatePreview } from '../../../domain/contracts/report-templates.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { buildReportDocument } from '../../reports/generate-report.ts';
import { renderHtml } from '../../reports/render-html.ts';
import { logoOf } from '../../reports/report-template.ts';
import { templateOfScope } from './template-scope.ts';
import { assertValidTemplate } from './validate-template.ts';

export type PreviewReportTemplateOptions = z.infer<typeof reportTemplatePreview> & { locale: 'sv' | 'en' };

/**
 * A report as HTML in a template not saved yet: the settings as sent, with the logo stored for
 * the template's scope (a unit's template without a logo of its own shows the tenant's).
 */
export async function previewReportTemplate(db: Database, access: Access, options: PreviewReportTemplateOptions) {
  if (options.templateUnitId) access.assertRead(options.templateUnitId);
  assertValidTemplate(options.settings);
  const own = await templateOfScope(db, access, options.templateUnitId);
  const tenant = options.templateUnitId ? await templateOfScope(db, access, null) : null;
  const logo = (own && logoOf(own)) ?? (tenant && logoOf(tenant)) ?? null;
  const document = await buildReportDocument(
    db,
    access,
    { kind: options.kind, unitId: options.unitId, period: options.period, format: 'html', locale: options.locale },
    { settings: options.settings, logo },
  );
  return renderHtml(document);
}
