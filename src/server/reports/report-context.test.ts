import { describe, expect, test } from 'vitest';
import { fixedClock, todayInSweden } from '../../domain/clock.ts';
import { REPORT_LABELS } from './labels.ts';
import { DEFAULT_RISK_MATRIX, type RiskMatrixConfig } from '../../domain/risk-matrix.ts';
import type { Block, Table } from './document.ts';
import {
  commentCell,
  datesCell,
  dayAndMonth,
  heatMap,
  isItemOverdue,
  labelsFor,
  peopleCell,
  periodText,
  risksPerCell,
  statusCell,
} from './report-context.ts';
import type { ItemFacts, ReportStatus } from '../plan-model/plan-facts.ts';
import { SWEDISH_MIDNIGHTS } from '../../../test/support/swedish-midnights.ts';

const IN_PROGRESS: ReportStatus = { label: 'Pågående', colour: '#f0c000', category: 'in_progress' };
const DONE: ReportStatus = { label: 'Klar', colour: '#00a000', category: 'completed' };

describe('reports: overdue (the council summary’s list of overdue items)', () => {
  test.each(SWEDISH_MIDNIGHTS)('an end date yesterday is overdue; today and tomorrow are not ($name)', (night) => {
    const today = todayInSweden(fixedClock(night.moment));
    expect(today).toBe(night.today);
    const overdue = (endDate: string) => isItemOverdue({ endDate, status: IN_PROGRESS }, today);
    expect({
      yesterday: overdue(night.yesterday),
      today: overdue(night.today),
      tomorrow: overdue(night.tomorrow),
    }).toEqual({ yesterday: true, today: false, tomorrow: false });
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

describe('reports: the risk matrix as a heat map', () => {
  const matrix: RiskMatrixConfig = {
    ...DEFAULT_RISK_MATRIX,
    likelihoodLevels: DEFAULT_RISK_MATRIX.likelihoodLevels.slice(0, 3),
    consequenceLevels: DEFAULT_RISK_MATRIX.consequenceLevels.slice(0, 2),
  };

  test('risks counted per cell; a risk without sannolikhet or konsekvens, or outside the scale, is not assessed', () => {
    const risks = [
      { likelihood: 3, consequence: 2 },
      { likelihood: 3, consequence: 2 },
      { likelihood: 1, consequence: 1 },
      { likelihood: null, consequence: 2 },
      { likelihood: 2, consequence: null },
      { likelihood: 4, consequence: 1 },
      { likelihood: 1, consequence: 3 },
      { likelihood: 0, consequence: 1 },
    ];
    expect(risksPerCell(matrix, risks)).toEqual({
      cells: [
        { likelihood: 3, consequence: 2, count: 2 },
        { likelihood: 1, consequence: 1, count: 1 },
      ],
      unassessed: 5,
    });
    expect(risksPerCell(matrix, [])).toEqual({ cells: [], unassessed: 0 });
  });

  test('the highest likelihood on top; each cell its count (bold when not 0) and its band, filled with the band’s colour; the bands listed', () => {
    const blocks = heatMap(matrix, [{ likelihood: 3, consequence: 2, count: 2 }], 1, REPORT_LABELS.sv, 'Riskmatris');
    const [note, tableBlock, unassessed, bandsLabel, bands] = blocks as [
      Block,
      { type: 'table'; table: Table },
      Block,
      Block,
      Block,
    ];
    expect(note).toEqual({
      type: 'paragraph',
      spans: [{ text: 'Varje ruta visar hur många risker som har den sannolikheten och konsekvensen.' }],
    });
    expect(tableBlock.table.caption).toBe('Riskmatris');
    expect(tableBlock.table.columns).toEqual([
      { title: 'Sannolikhet \\ Konsekvens', width: 2 },
      { title: '1 Försumbar', width: 1.5 },
      { title: '2 Lindrig', width: 1.5 },
    ]);
    expect(tableBlock.table.rows).toEqual([
      [
        { blocks: [{ type: 'paragraph', spans: [{ text: '3 Möjlig' }] }], header: true },
        { blocks: [{ type: 'paragraph', spans: [{ text: '0', bold: false }, { text: ' · Låg' }] }], fill: '#86efac' },
        {
          blocks: [{ type: 'paragraph', spans: [{ text: '2', bold: true }, { text: ' · Måttlig' }] }],
          fill: '#fde047',
        },
      ],
      [
        { blocks: [{ type: 'paragraph', spans: [{ text: '2 Mindre sannolik' }] }], header: true },
        { blocks: [{ type: 'paragraph', spans: [{ text: '0', bold: false }, { text: ' · Låg' }] }], fill: '#86efac' },
        {
          blocks: [{ type: 'paragraph', spans: [{ text: '0', bold: false }, { text: ' · Måttlig' }] }],
          fill: '#fde047',
        },
      ],
      [
        { blocks: [{ type: 'paragraph', spans: [{ text: '1 Osannolik' }] }], header: true },
        { blocks: [{ type: 'paragraph', spans: [{ text: '0', bold: false }, { text: ' · Låg' }] }], fill: '#86efac' },
        { blocks: [{ type: 'paragraph', spans: [{ text: '0', bold: false }, { text: ' · Låg' }] }], fill: '#86efac' },
      ],
    ]);
    expect(unassessed).toEqual({
      type: 'paragraph',
      spans: [{ text: '1 risk är inte bedömd och står inte i matrisen.' }],
    });
    expect(bandsLabel).toEqual({ type: 'paragraph', spans: [{ text: 'Riskvärdenas färger' }], style: 'label' });
    expect(bands).toEqual({
      type: 'list',
      ordered: false,
      items: ['Låg: riskvärde 1–3', 'Måttlig: riskvärde 4–6', 'Hög: riskvärde 7–9', 'Mycket hög: riskvärde 10–16'].map(
        (line) => [{ type: 'paragraph', spans: [{ text: line }] }],
      ),
    });
  });

  test('a value no band covers is shown without a band and without a colour', () => {
    const gap: RiskMatrixConfig = { ...matrix, bands: [{ min: 1, max: 1, label: 'Låg', colour: '#86efac' }] };
    const rows = (heatMap(gap, [], 0, labelsFor('en'), 'Risk matrix')[1] as { table: Table }).table.rows;
    expect(rows[0]![1]).toEqual({ blocks: [{ type: 'paragraph', spans: [{ text: '0', bold: false }] }] });
    expect(rows[2]![1]).toEqual({
      blocks: [{ type: 'paragraph', spans: [{ text: '0', bold: false }, { text: ' · Låg' }] }],
      fill: '#86efac',
    });
  });
});

describe('reports: the cells of a follow-up table', () => {
  const item: ItemFacts = {
    id: 'i',
    title: 'Kontroll',
    status: IN_PROGRESS,
    responsible: ['Anna', 'Bo'],
    reporting: ['Cecilia', 'David'],
    startDate: '2026-01-01',
    checkpoints: ['2026-03-31', '2026-06-30'],
    endDate: '2026-12-31',
    followUps: [
      {
        periodLabel: 'Kvartal 1 2026',
        reportedOn: '2026-04-02',
        body: 'Allt **väl**.',
        author: 'Anna',
        reviewState: 'approved',
      },
      {
        periodLabel: 'Kvartal 2 2026',
        reportedOn: null,
        body: 'Inget att säga.',
        author: null,
        reviewState: 'approved',
      },
    ] as ItemFacts['followUps'],
  };
  const paragraph = (value: string, style?: 'label') =>
    style ? { type: 'paragraph', spans: [{ text: value }], style } : { type: 'paragraph', spans: [{ text: value }] };

  test('the responsible on one line, the reporting-responsible on the next; the dates start, checkpoints, end', () => {
    expect(peopleCell(item)).toEqual({ blocks: [paragraph('Anna, Bo'), paragraph('Cecilia, David')] });
    expect(datesCell(item)).toEqual({
      blocks: [paragraph('2026-01-01'), paragraph('2026-03-31, 2026-06-30'), paragraph('2026-12-31')],
    });
    expect(datesCell({ ...item, startDate: null, checkpoints: [] })).toEqual({ blocks: [paragraph('2026-12-31')] });
  });

  test('each follow-up: its period and date as a label, its text, its author in parentheses when known', () => {
    expect(commentCell(item, REPORT_LABELS.sv)).toEqual({
      blocks: [
        paragraph('Kvartal 1 2026 2026-04-02', 'label'),
        { type: 'paragraph', spans: [{ text: 'Allt ' }, { text: 'väl', bold: true }, { text: '.' }] },
        paragraph('(Anna)'),
        paragraph('Kvartal 2 2026', 'label'),
        paragraph('Inget att säga.'),
      ],
    });
  });

  test('a follow-up not approved yet is marked after its period: ej godkänd, återsänd, utkast', () => {
    const marked = (reviewState: string, labels = REPORT_LABELS.sv) =>
      commentCell({ ...item, followUps: [{ ...item.followUps[1]!, reviewState }] } as ItemFacts, labels).blocks[0];
    expect(marked('submitted')).toEqual(paragraph('Kvartal 2 2026 (ej godkänd)', 'label'));
    expect(marked('returned')).toEqual(paragraph('Kvartal 2 2026 (återsänd)', 'label'));
    expect(marked('draft')).toEqual(paragraph('Kvartal 2 2026 (utkast)', 'label'));
    expect(marked('returned', labelsFor('en'))).toEqual(paragraph('Kvartal 2 2026 (sent back)', 'label'));
    expect(marked('approved')).toEqual(paragraph('Kvartal 2 2026', 'label'));
  });

  test('the status as a mark, or nothing', () => {
    expect(statusCell(item)).toEqual({ blocks: [{ type: 'status', status: IN_PROGRESS }] });
    expect(statusCell({ ...item, status: null })).toEqual({ blocks: [] });
  });

  test('a plan’s period: one year, or the first and last', () => {
    expect(periodText({ startYear: 2026, endYear: 2026 })).toBe('2026');
    expect(periodText({ startYear: 2025, endYear: 2027 })).toBe('2025-2027');
  });

  test('"16 september" for each month, in English too', () => {
    expect(REPORT_LABELS.sv.months).toHaveLength(12);
    expect(dayAndMonth('2026-01-31', REPORT_LABELS.sv)).toBe('31 januari');
    expect(dayAndMonth('2026-02-16', labelsFor('en'))).toBe('16 February');
    expect(dayAndMonth('2026-10-01', labelsFor('en'), 'month')).toBe('October');
  });
});
