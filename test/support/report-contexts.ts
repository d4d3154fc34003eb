import type { ReportKind } from '../../src/domain/report-kind.ts';
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

/** Where each report kind is generated from the demo data: the tenant, the unit and the period of a demo plan it reports on. */
export const DEMO_REPORT_SCOPES: Record<ReportKind, { tenant: string; unit: string; period: string }> = {
  'improvement-actions': { tenant: 'malmo', unit: 'Grundskolenämnden', period: '2020' },
  'activity-plan': { tenant: 'malmo', unit: 'Gymnasie- och vuxenutbildningsförvaltningen', period: '2020-2021' },
  'activity-review': { tenant: 'exempelkommun-a', unit: 'Barn- och utbildningsnämnden', period: '2019' },
  'control-follow-up': { tenant: 'exempelkommun-b', unit: 'Utbildningsnämnden', period: '2020' },
  plan: { tenant: 'exempelkommun-b', unit: 'Utbildningsnämnden', period: '2020' },
  'council-summary': { tenant: 'malmo', unit: 'Malmö stad', period: '2020' },
  deviations: { tenant: 'exempelkommun-b', unit: 'Utbildningsnämnden', period: '2020' },
  'plan-table': { tenant: 'exempelkommun-b', unit: 'Utbildningsnämnden', period: '2020' },
  recommendations: { tenant: 'malmo', unit: 'Grundskolenämnden', period: '2020' },
  'action-report': { tenant: 'exempelkommun-b', unit: 'Utbildningsnämnden', period: '2026' },
  'internal-control-report': { tenant: 'exempelkommun-b', unit: 'Utbildningsnämnden', period: '2020' },
  'period-report': { tenant: 'exempelkommun-b', unit: 'Utbildningsnämnden', period: '2020-Q3' },
};
