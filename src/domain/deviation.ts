/** How serious a deviation (avvikelse) is: mindre väsentlig, väsentlig, mycket väsentlig. */
export const DEVIATION_SEVERITIES = ['minor', 'significant', 'very_significant'] as const;
export type DeviationSeverity = (typeof DEVIATION_SEVERITIES)[number];

export const DEVIATION_SEVERITY_LABELS: Record<DeviationSeverity, { sv: string; en: string }> = {
  minor: { sv: 'Mindre väsentlig', en: 'Minor' },
  significant: { sv: 'Väsentlig', en: 'Significant' },
  very_significant: { sv: 'Mycket väsentlig', en: 'Very significant' },
};

/** A deviation stays open until an action with a responsible person and a due date answers it. */
export const DEVIATION_STATES = ['open', 'closed'] as const;
export type DeviationState = (typeof DEVIATION_STATES)[number];
