/**
 * What was decided about an unfinished activity or sub-activity at the end of its plan:
 * carried over (förs över) into the next period's plan, or not. Null while undecided.
 * The link to the copy in the next plan is the copy's `carriedFromId`; the way back is derived.
 */
export const CARRY_OVER_DECISIONS = ['carry_over', 'do_not_carry_over'] as const;
export type CarryOverDecision = (typeof CARRY_OVER_DECISIONS)[number];
