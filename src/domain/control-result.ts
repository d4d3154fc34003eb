/**
 * The result of carrying out a control in one reporting period, recorded apart from the
 * control's status: genomförd utan anmärkning, genomförd med avvikelse, or ej genomförd (with
 * the reason). "Inga avvikelser" is thus a recorded fact.
 */
export const CONTROL_OUTCOMES = ['no_remarks', 'with_deviation', 'not_performed'] as const;
export type ControlOutcome = (typeof CONTROL_OUTCOMES)[number];

/**
 * Where a follow-up is in its review: utkast (draft), inskickad (submitted), återsänd with a
 * comment (returned), godkänd by the responsible manager (approved). The coordinator compiles
 * the report from approved ones; the period board shows the rest.
 */
export const FOLLOW_UP_REVIEW_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type FollowUpReviewState = (typeof FOLLOW_UP_REVIEW_STATES)[number];

/** What the nämnd or kommunstyrelsen decided on an issued report: godkänd, återremitterad, noterad. */
export const REPORT_DECISION_OUTCOMES = ['approved', 'referred_back', 'noted'] as const;
export type ReportDecisionOutcome = (typeof REPORT_DECISION_OUTCOMES)[number];

/** What an attachment (evidence file) is attached to. */
export const ATTACHMENT_TARGETS = [
  'plan',
  'follow_up',
  'control_result',
  'deviation',
  'review',
  'recommendation',
] as const;
export type AttachmentTarget = (typeof ATTACHMENT_TARGETS)[number];
