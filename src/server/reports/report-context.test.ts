import { describe, expect, test } from 'vitest';
import { fixedClock, todayInSweden } from '../../domain/clock.ts';
import { isItemOverdue } from './report-context.ts';
import type { ReportStatus } from './plan-content.ts';

const IN_PROGRESS: ReportStatus = { label: 'Pågående', colour: '#f0c000', category: 'in_progress' };
const DONE: ReportStatus = { label: 'Klar', colour: '#00a000', category: 'completed' };

// Just after midnight in Sweden while it is still the day before in UTC, on and after both changes
// of summer time; "today" is what a report is given (access.today: the Swedish date by the clock).
const SWEDISH_MIDNIGHTS = [
  { name: '00:30 CET on 29 March, the night summer time begins', moment: '2026-03-28T23:30:00Z', yesterday: '2026-03-28', today: '2026-03-29', tomorrow: '2026-03-30' },
  { name: '00:30 CEST on 30 March, the first night of summer time', moment: '2026-03-29T22:30:00Z', yesterday: '2026-03-29', today: '2026-03-30', tomorrow: '2026-03-31' },
  { name: '00:30 CEST on 25 October, the night summer time ends', moment: '2026-10-24T22:30:00Z', yesterday: '2026-10-24', today: '2026-10-25', tomorrow: '2026-10-26' },
  { name: '00:30 CET on 26 October, the first night of winter time', moment: '2026-10-25T23:30:00Z', yesterday: '2026-10-25', today: '2026-10-26', tomorrow: '2026-10-27' },
];

describe('reports: overdue (the council summary’s list of overdue items)', () => {
  test.each(SWEDISH_MIDNIGHTS)('an end date yesterday is overdue; today and tomorrow are not ($name)', (night) => {
    const today = todayInSweden(fixedClock(night.moment));
    expect(today).toBe(night.today);
    const overdue = (endDate: string) => isItemOverdue({ endDate, status: IN_PROGRESS }, today);
    expect({ yesterday: overdue(night.yesterday), today: overdue(night.today), tomorrow: overdue(night.tomorrow) }).toEqual({ yesterday: true, today: false, tomorrow: false });
  });

  test('an item without an end date, or with a completed status, is never overdue; one without a status is', () => {
    expect(isItemOverdue({ endDate: null, status: IN_PROGRESS }, '2026-06-15')).toBe(false);
    expect(isItemOverdue({ endDate: '2026-01-01', status: DONE }, '2026-06-15')).toBe(false);
    expect(isItemOverdue({ endDate: '2026-01-01', status: null }, '2026-06-15')).toBe(true);
  });
});
