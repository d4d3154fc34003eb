import type { Harness } from './harness.ts';
import { labelsFor, type ReportContext } from '../../src/server/reports/report-context.ts';

/**
 * What a report kind needs to build its document for a harness unit, as the server would give
 * it on the harness's day (2026-06-15), for the plan year 2026: a report built without HTTP, so
 * a test can read the document itself (its kind, headings, captions, status marks).
 */
export function reportContextFor(
  h: Harness,
  unit: { id: string; name: string },
  options: { locale?: 'sv' | 'en'; readableUnitIds?: string[] | 'all' } = {},
): ReportContext {
  const locale = options.locale ?? 'sv';
  return {
    db: h.db,
    tenantId: h.tenant.tenantId,
    unit,
    startYear: 2026,
    endYear: 2026,
    locale,
    labels: labelsFor(locale),
    today: '2026-06-15',
    generatedAt: '2026-06-15T10:00:00.000Z',
    readableUnitIds: options.readableUnitIds ?? 'all',
  };
}
