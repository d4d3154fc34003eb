/** The report kinds; the names are fixed (they are in scripts and scheduled jobs). */
export const REPORT_KINDS = [
  'improvement-actions',
  'activity-plan',
  'activity-review',
  'control-follow-up',
  'plan',
  'council-summary',
  'deviations',
  'recommendations',
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
  'recommendations',
];

/** The texts a tenant writes for a report kind, by section. */
export const REPORT_TEXT_SECTIONS = {
  'improvement-actions': ['introduction', 'reviews-closing', 'actions-introduction'],
  'control-follow-up': ['guidance', 'committee-reporting', 'board-reporting'],
  'council-summary': ['evaluation'],
} as const satisfies Partial<Record<ReportKind, readonly string[]>>;
