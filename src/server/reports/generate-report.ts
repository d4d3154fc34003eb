import { and, eq, isNull } from 'drizzle-orm';
import {
  TABULAR_REPORT_KINDS,
  WHOLE_YEAR_REPORT_KINDS,
  type ReportFormat,
  type ReportKind,
} from '../../domain/contracts/reports.ts';
import type { Access } from '../access/access.ts';
import type { Database } from '../db/client.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { AppError, type LocalizedText } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import type { PlanFacts } from '../plan-model/plan-facts.ts';
import type { ReportDocument } from './document.ts';
import { activityPlanReport } from './kinds/activity-plan.ts';
import { actionReport } from './kinds/action-report.ts';
import { activityReviewReport } from './kinds/activity-review.ts';
import { controlFollowUpReport } from './kinds/control-follow-up.ts';
import { councilSummaryReport } from './kinds/council-summary.ts';
import { deviationsReport } from './kinds/deviations.ts';
import { improvementActionsReport } from './kinds/improvement-actions.ts';
import { internalControlReport, periodReport } from './kinds/internal-control-report.ts';
import { planReport } from './kinds/plan.ts';
import { planTableReport } from './kinds/plan-table.ts';
import { recommendationsReport } from './kinds/recommendations.ts';
import { labelsFor, templateFields, type ReportContext } from './report-context.ts';
import { requireReportPeriod, resolveReportPeriod } from './report-window.ts';
import { applyTemplate, loadReportTemplate, type ReportTemplateInput } from './report-template.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderPdfOffThread } from './pdf-render-pool.ts';
import { renderXlsx } from './render-xlsx.ts';

const BUILDERS: Record<ReportKind, (context: ReportContext) => Promise<ReportDocument>> = {
  'improvement-actions': improvementActionsReport,
  'activity-plan': activityPlanReport,
  'activity-review': activityReviewReport,
  'control-follow-up': controlFollowUpReport,
  plan: planReport,
  'council-summary': councilSummaryReport,
  deviations: deviationsReport,
  'plan-table': planTableReport,
  recommendations: recommendationsReport,
  'action-report': actionReport,
  'internal-control-report': internalControlReport,
  'period-report': periodReport,
};

/** Kinds that gather every plan of the units below, as they are now: no one plan or revision is chosen. */
const FROM_CURRENT_PLANS: readonly ReportKind[] = ['council-summary', 'deviations', 'action-report'];

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export interface ReportRequest {
  kind: ReportKind;
  unitId: string;
  /**
   * "2020" or "2020-2021" (plan years), or a reporting period: "2020-Q3", "2020-T2", "2020-H1",
   * "2020-D", "2020-P1", or a period's name ("Delår 1 2026").
   */
  period: string;
  format: ReportFormat;
  locale: 'sv' | 'en';
  /** PDF/A-2a. */
  archival?: boolean;
  /** Report on this plan (of the unit and period) instead of the unit's adopted plan. */
  planId?: string | undefined;
  /** Report on a frozen version of the plan (1: as adopted) instead of its latest revision. */
  revision?: number | undefined;
  /**
   * The plans' facts as they are now, already read in the request's locale by a caller that
   * makes many reports at once (the årsarkiv reads a batch of plans in one go); a plan not in
   * the map is read as usual.
   */
  livePlanFacts?: ReadonlyMap<string, PlanFacts> | undefined;
}

export interface GeneratedReport {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  title: string;
  unitName: string;
}

/**
 * Builds a report for a caller: the unit must be readable to them, and a summary covers only
 * the units they read. Throws a problem naming the field for an impossible request.
 */
export async function generateReport(db: Database, access: Access, request: ReportRequest): Promise<GeneratedReport> {
  const document = await buildReportDocument(db, access, request);
  return renderReport(document, request);
}

/**
 * The document of a report, before any format: the kind's neutral document in the tenant's
 * template (the unit's, else the tenant's; `template` replaces the stored one, null for none).
 */
export async function buildReportDocument(
  db: Database,
  access: Access,
  request: ReportRequest,
  template?: ReportTemplateInput | null,
): Promise<ReportDocument> {
  // Text that is no period is refused before anything is read.
  const asked = requireReportPeriod(request.period);
  if (asked.type !== 'years' && WHOLE_YEAR_REPORT_KINDS.includes(request.kind))
    throw fieldError(
      'period',
      localize((m) => m.reports.periodNotForKind(request.kind)),
    );
  if (request.kind === 'council-summary' && asked.type === 'years' && asked.startYear !== asked.endYear) {
    throw fieldError(
      'period',
      localize((m) => m.reports.councilSummaryOneYear),
    );
  }
  // The follow-up of recommendations is made from the reviews under the unit, as they are now: no plan, no revision.
  if (request.planId !== undefined && request.kind === 'recommendations') {
    throw fieldError(
      'plan',
      localize((m) => m.reports.recommendationsFromReviews),
    );
  }
  if (request.revision !== undefined && request.kind === 'recommendations') {
    throw fieldError(
      'revision',
      localize((m) => m.reports.recommendationsAsNow),
    );
  }
  if (request.planId !== undefined && FROM_CURRENT_PLANS.includes(request.kind)) {
    throw fieldError(
      'plan',
      localize((m) => m.reports.summaryFromAdoptedPlans),
    );
  }
  if (request.revision !== undefined && FROM_CURRENT_PLANS.includes(request.kind)) {
    throw fieldError(
      'revision',
      localize((m) => m.reports.summaryFromCurrentPlans),
    );
  }
  if (request.format === 'xlsx' && !TABULAR_REPORT_KINDS.includes(request.kind)) {
    throw fieldError(
      'format',
      localize((m) => m.reports.notTabular(request.kind)),
    );
  }
  access.assertRead(request.unitId);
  const period = await resolveReportPeriod(db, access.tenantId, asked, request.locale);
  const [unit] = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, request.unitId), isNull(orgUnits.archivedAt)));
  if (!unit) throw new AppError('not_found');
  // The moment of generation comes from the caller's clock (the server's, or a test's).
  const now = access.clock.now();
  const context: ReportContext = {
    db,
    tenantId: access.tenantId,
    unit,
    startYear: period.startYear,
    endYear: period.endYear,
    locale: request.locale,
    labels: labelsFor(request.locale),
    today: access.today,
    generatedAt: now.toISOString(),
    readableUnitIds: access.readableUnitIds(),
    planId: request.planId,
    revision: request.revision,
    window: period.window,
    livePlanFacts: request.livePlanFacts,
  };
  const [document, stored] = await Promise.all([
    BUILDERS[request.kind](context),
    template === undefined ? loadReportTemplate(db, access.tenantId, unit.id) : null,
  ]);
  const applied = template === undefined ? stored : template;
  return applied ? applyTemplate(document, applied, templateFields(context), context.labels) : document;
}

/** Draws a document in a format. */
export async function renderReport(
  document: ReportDocument,
  request: Pick<ReportRequest, 'format' | 'archival' | 'period' | 'kind'>,
): Promise<GeneratedReport> {
  const bytes = await renderBytes(document, request.format, request.archival === true);
  // Stryker disable next-line StringLiteral: defended by newDocument, which gives every kind's document the unit's name as its first subtitle line
  const unitName = document.subtitle[0] ?? '';
  return {
    bytes,
    contentType: CONTENT_TYPES[request.format],
    fileName: `${fileSafe(`${request.kind}-${unitName}-${request.period}`)}.${request.format}`,
    title: document.title,
    unitName,
  };
}

async function renderBytes(document: ReportDocument, format: ReportFormat, archival: boolean): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdfOffThread(document, { archival });
    case 'docx':
      return renderDocx(document);
    case 'xlsx':
      return renderXlsx(document);
    case 'html':
      return Buffer.from(renderHtml(document), 'utf8');
    case 'md':
      return Buffer.from(renderMarkdown(document), 'utf8');
  }
}

/** A file name without spaces or characters some systems refuse; å, ä and ö become a, a and o. */
function fileSafe(name: string): string {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // Stryker disable next-line Regex: equivalent, the hyphens a run of signs leaves one by one are collapsed on the next line
  const hyphened = plain.replace(/[^A-Za-z0-9.-]+/g, '-');
  const single = hyphened.replace(/-+/g, '-');
  // Stryker disable next-line Regex,StringLiteral: equivalent, a name that starts with the kind and ends with the period has no hyphen at either end to trim
  return single.replace(/^-|-$/g, '').toLowerCase();
}

function fieldError(path: string, message: LocalizedText): AppError {
  return new AppError('validation_failed', message, [{ path, message }]);
}
