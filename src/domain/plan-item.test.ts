import { describe, expect, test } from 'vitest';
import { isOverdue, PLAN_ITEM_KINDS } from './plan-item.ts';

describe('overdue', () => {
  const today = '2026-06-15';
  const open = (endDate: string | null) => ({ endDate, completed: false });

  test('overdue from the day after the end date: due today is not yet overdue', () => {
    expect(isOverdue(open('2026-06-14'), today)).toBe(true);
    expect(isOverdue(open('2026-06-15'), today)).toBe(false);
    expect(isOverdue(open('2026-06-16'), today)).toBe(false);
    // Across a month and a year: dates compare as calendar dates.
    expect(isOverdue(open('2025-12-31'), '2026-01-01')).toBe(true);
  });

  test('an item without an end date, a completed one or an archived one is never overdue', () => {
    expect(isOverdue(open(null), today)).toBe(false);
    expect(isOverdue({ endDate: '2026-01-01', completed: true }, today)).toBe(false);
    expect(isOverdue({ endDate: '2026-01-01', completed: false, archived: true }, today)).toBe(false);
    expect(isOverdue({ endDate: '2026-01-01', completed: false, archived: false }, today)).toBe(true);
  });

  test('the three kinds of plan item', () => {
    expect(PLAN_ITEM_KINDS).toEqual(['control', 'action', 'activity']);
  });
});
