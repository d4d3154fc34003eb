import { describe, expect, test } from 'vitest';
import { fixedClock, todayInSweden } from '../../domain/clock.ts';
import { REPORT_LABELS } from './labels.ts';
import { dayAndMonth, isItemOverdue } from './report-context.ts';
import type { ReportStatus } from './plan-content.ts';
import { SWEDISH_MIDNIGHTS } from '../../../test/support/swedish-midnights.ts';

const IN_PROGRESS: ReportStatus = { label: 'Pågående', colour: '#f0c000', category: 'in_progress' };
const DONE: ReportStatus = { label: 'Klar', colour: '#00a000', category: 'completed' };

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

describe('reports: a date as the reporting calendar prints it', () => {
  test('"16 september" for a day, only the month for a month-precision date; the month from January to December', () => {
    expect(dayAndMonth('2026-09-16', REPORT_LABELS.sv)).toBe('16 september');
    expect(dayAndMonth('2026-01-05', REPORT_LABELS.sv, 'day')).toBe('5 januari');
    expect(dayAndMonth('2026-12-01', REPORT_LABELS.sv, 'month')).toBe('december');
  });
});
