import { describe, expect, test } from 'vitest';
import { checkpointDates, frequencyFromText, frequencyText } from './control-frequency.ts';

describe('the checkpoints a frequency gives', () => {
  test('fall on the last day of each month, quarter, tertial, half-year or year of the span', () => {
    const year = (kind: 'monthly' | 'quarterly' | 'tertial' | 'half_yearly' | 'yearly') =>
      checkpointDates({ kind }, '2024-01-01', '2024-12-31');
    expect(year('monthly')).toHaveLength(12);
    expect(year('monthly').slice(0, 3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(checkpointDates({ kind: 'monthly' }, '2025-01-01', '2025-12-31')[1]).toBe('2025-02-28');
    expect(year('quarterly')).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    expect(year('tertial')).toEqual(['2024-04-30', '2024-08-31', '2024-12-31']);
    expect(year('half_yearly')).toEqual(['2024-06-30', '2024-12-31']);
    expect(year('yearly')).toEqual(['2024-12-31']);
  });

  test('stay within the span, which may cross years or start mid-period', () => {
    expect(checkpointDates({ kind: 'quarterly' }, '2024-05-15', '2025-04-30')).toEqual([
      '2024-06-30',
      '2024-09-30',
      '2024-12-31',
      '2025-03-31',
    ]);
    expect(checkpointDates({ kind: 'monthly' }, '2024-03-31', '2024-04-30')).toEqual(['2024-03-31', '2024-04-30']);
    expect(checkpointDates({ kind: 'yearly' }, '2024-01-01', '2024-11-30')).toEqual([]);
  });

  test('are the end of the span for "once", and the given dates inside the span, sorted once each', () => {
    expect(checkpointDates({ kind: 'once' }, '2024-01-01', '2024-10-15')).toEqual(['2024-10-15']);
    expect(
      checkpointDates(
        { kind: 'dates', dates: ['2024-09-01', '2023-12-31', '2024-03-01', '2024-09-01'] },
        '2024-01-01',
        '2024-12-31',
      ),
    ).toEqual(['2024-03-01', '2024-09-01']);
  });

  test('are none when the span ends before it starts', () => {
    expect(checkpointDates({ kind: 'once' }, '2024-02-01', '2024-01-31')).toEqual([]);
  });
});

describe('a frequency written as text', () => {
  test.each([
    ['Varje månad', 'monthly'],
    ['Månadsvis', 'monthly'],
    ['Kvartalsvis', 'quarterly'],
    ['Per tertial', 'tertial'],
    ['Två gånger per år, per halvår', 'half_yearly'],
    ['En gång per termin', 'half_yearly'],
    ['Årligen', 'yearly'],
    ['En gång per år', 'yearly'],
    ['Quarterly', 'quarterly'],
    ['Every four months', 'tertial'],
    ['Monthly', 'monthly'],
    ['Once a year', 'yearly'],
    ['Vid ett tillfälle under våren', 'once'],
  ])('"%s" is %s', (text, kind) => {
    expect(frequencyFromText(text)).toEqual({ kind });
  });

  test('that names no frequency is none', () => {
    expect(frequencyFromText('Vid behov')).toBeNull();
    expect(frequencyFromText('')).toBeNull();
  });
});

describe('frequencyText', () => {
  test('names a regular kind in either language, and lists given dates in order', () => {
    expect(frequencyText({ kind: 'tertial' }, 'sv')).toBe('Per tertial');
    expect(frequencyText({ kind: 'half_yearly' }, 'en')).toBe('Half-yearly');
    expect(frequencyText({ kind: 'dates', dates: ['2026-09-30', '2026-03-31'] }, 'sv')).toBe(
      'Givna datum: 2026-03-31, 2026-09-30',
    );
  });
});
