import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../test/web/fake-fetch.ts';
import { loadPeriodList, loadPeriods, periodLabel, periodParam, type Period } from './periods.ts';

function period(id: string, startDate: string, endDate: string): Period {
  return { id, label: `Period ${id}`, labelEn: `Period ${id} (en)`, startDate, endDate } as Period;
}

/** A server whose calendar has the given periods per year. */
function calendars(byYear: Record<number, Period[]>) {
  return answerFetch((request) => {
    const year = Number(new URLSearchParams(request.url.split('?')[1]).get('year'));
    return json({ year, periods: byYear[year] ?? [], events: [] });
  });
}

describe('the reporting periods of a plan’s years', () => {
  test('loadPeriods asks for each year of the plan and finds the periods by id', async () => {
    const seen = calendars({
      2025: [period('h25', '2025-01-01', '2025-12-31')],
      2026: [period('q1', '2026-01-01', '2026-03-31')],
    });
    const periods = await loadPeriods(2025, 2026);
    expect(seen.map((request) => request.url)).toEqual([
      '/api/v1/reporting-calendar?year=2025',
      '/api/v1/reporting-calendar?year=2026',
    ]);
    expect([...periods.keys()]).toEqual(['h25', 'q1']);
    expect(periods.get('q1')?.endDate).toBe('2026-03-31');
  });

  test('at most ten years are asked for', async () => {
    const seen = calendars({});
    await loadPeriods(2000, 2030);
    expect(seen).toHaveLength(10);
    expect(seen.at(-1)?.url).toBe('/api/v1/reporting-calendar?year=2009');
  });

  test('loadPeriodList orders by start, the longer first where two start together (Helår before Kvartal 1)', async () => {
    calendars({
      2026: [
        period('q2', '2026-04-01', '2026-06-30'),
        period('q1', '2026-01-01', '2026-03-31'),
        period('year', '2026-01-01', '2026-12-31'),
      ],
    });
    expect((await loadPeriodList(2026, 2026)).map((entry) => entry.id)).toEqual(['year', 'q1', 'q2']);
  });
});

describe('periods as text', () => {
  test('a plan’s period as the reports take it: one year, or first–last', () => {
    expect(periodParam({ startYear: 2026, endYear: 2026 })).toBe('2026');
    expect(periodParam({ startYear: 2025, endYear: 2027 })).toBe('2025-2027');
  });

  test('a period’s name in the interface language, a dash for none', () => {
    const q3 = period('q3', '2026-07-01', '2026-09-30');
    expect(periodLabel(q3, 'sv')).toBe('Period q3');
    expect(periodLabel(q3, 'en')).toBe('Period q3 (en)');
    expect(periodLabel(undefined, 'sv')).toBe('–');
  });
});
