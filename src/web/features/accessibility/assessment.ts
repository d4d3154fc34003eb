/**
 * The facts the accessibility statement rests on, kept as data beside it (never the clock):
 * when the service was last assessed, and how. Change them when it is assessed again.
 *
 * The date is the day the statement was checked against the automated browser journeys (axe
 * on every page state the journeys reach, keyboard use, 320 px) and against the known
 * shortcomings recorded in the README and the decision records.
 */
export interface AccessibilityAssessment {
  /** The day of the latest assessment, YYYY-MM-DD. */
  assessedOn: string;
  /** The number of page states the automated check covered then. */
  pageStates: number;
}

export const ACCESSIBILITY_ASSESSMENT: AccessibilityAssessment = {
  assessedOn: '2026-12-03',
  pageStates: 216,
};

/** Where people report a problem with the service's accessibility; null when the tenant has given none. */
export interface AccessibilityContact {
  organisation: string | null;
  email: string | null;
}

/** The supervisory authority's web form for complaints about accessibility (Digg). */
export const DIGG_COMPLAINT_FORM = 'https://www.digg.se/tdosanmalan';
