/**
 * The items a plan follows up: kontrollmoment, åtgärder and aktiviteter. They share their
 * responsible people, checkpoints, status, dates and follow-ups.
 */
export const PLAN_ITEM_KINDS = ['control', 'action', 'activity'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/** What the overdue rule needs to know of an item, whatever its source (a row, a report's facts). */
export interface OverdueFacts {
  /** Slutdatum (YYYY-MM-DD), or null when the item has none. */
  endDate: string | null;
  /** Whether its status is one of the tenant's completed ones. */
  completed: boolean;
  /** Archived items are out of the plan and never overdue. */
  archived?: boolean;
}

/**
 * Försenad: the end date has passed (an item due today is not yet overdue) and the item is
 * neither completed nor archived. Derived, never stored; `today` is a Swedish calendar date from
 * the clock. The server's SQL filter states the same rule and is tested against this one.
 */
export function isOverdue({ endDate, completed, archived = false }: OverdueFacts, today: string): boolean {
  return !archived && !completed && endDate !== null && endDate < today;
}
