import type { ReportKind } from './report-kind.ts';

/**
 * The sections of each report kind a template can reorder, leave out or open with a standard
 * text: the keys of the kind's level-1 headings, in the order the kind prints them. A kind
 * without level-1 headings (one table, or one chapter per activity) has none.
 */
export const REPORT_SECTIONS = {
  'improvement-actions': ['introduction', 'actions'],
  'activity-plan': [],
  'activity-review': [],
  'control-follow-up': ['actions', 'controls', 'deviations', 'committee-reporting', 'board-reporting'],
  plan: ['decision', 'risk-matrix', 'risks'],
  'council-summary': [
    'status-per-unit',
    'overdue',
    'deviations',
    'risk-matrix',
    'per-process',
    'per-category',
    'common-controls',
    'evaluation',
  ],
  deviations: ['summary', 'deviations'],
  'plan-table': ['decision', 'risk-matrix', 'controls'],
  recommendations: ['summary', 'reviews'],
  'action-report': ['summary', 'deviations'],
  'internal-control-report': ['introduction', 'per-process', 'results', 'deviations', 'proposed-decision'],
  'period-report': ['introduction', 'per-process', 'results', 'deviations', 'proposed-decision'],
} as const satisfies Record<ReportKind, readonly string[]>;

export type ReportSectionKey = (typeof REPORT_SECTIONS)[ReportKind][number];

/** The section key of the tjänsteskrivelse a template puts before the report's own sections. */
export const MEMO_SECTION = 'memo';

/** The fields a template's texts may hold, written in braces: `{nämnd}`, `{år}`, `{period}`, `{datum}`. */
export const TEMPLATE_FIELDS = ['nämnd', 'år', 'period', 'datum'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** The largest logo taken, in bytes. */
export const LOGO_MAX_BYTES = 1024 * 1024;

/** The kinds of image a logo may be (found from its content): every report format embeds them. */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

const FIELD = /\{([^{}\s]{1,40})\}/g;

/** The fields in braces a text names that are not template fields, each once, in order. */
export function unknownFields(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(FIELD)) {
    const name = match[1]!;
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** The text with each known field replaced by its value; anything else in braces is left as written. */
export function fillFields(text: string, values: Record<TemplateField, string>): string {
  return text.replace(FIELD, (whole, name: string) =>
    (TEMPLATE_FIELDS as readonly string[]).includes(name) ? values[name as TemplateField] : whole,
  );
}
