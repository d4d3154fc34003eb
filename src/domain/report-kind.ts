/** The report kinds; the names are fixed (they are in scripts and scheduled jobs). */
export const REPORT_KINDS = [
  'improvement-actions',
  'activity-plan',
  'activity-review',
  'control-follow-up',
  'plan',
  'council-summary',
  'deviations',
  'plan-table',
  'recommendations',
  'action-report',
  'internal-control-report',
  'period-report',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Kinds whose content is tables, so that they also come as a workbook. */
export const TABULAR_REPORT_KINDS: readonly ReportKind[] = [
  'activity-plan',
  'control-follow-up',
  'plan',
  'council-summary',
  'deviations',
  'plan-table',
  'recommendations',
  'action-report',
];

/**
 * Kinds about whole plan years: the plan as decided, and kommunstyrelsens sammanställning of the
 * year; the others can also be made for a reporting period (a quarter, tertial, half year, delår).
 */
export const WHOLE_YEAR_REPORT_KINDS: readonly ReportKind[] = ['plan', 'plan-table', 'council-summary'];

/** The texts a tenant writes for a report kind, by section. */
export const REPORT_TEXT_SECTIONS = {
  'improvement-actions': ['introduction', 'reviews-closing', 'actions-introduction'],
  'control-follow-up': ['guidance', 'committee-reporting', 'board-reporting'],
  'council-summary': ['evaluation'],
  'internal-control-report': ['introduction', 'proposed-decision'],
  'period-report': ['introduction', 'proposed-decision'],
} as const satisfies Partial<Record<ReportKind, readonly string[]>>;
