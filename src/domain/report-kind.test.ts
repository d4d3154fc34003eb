import { describe, expect, test } from 'vitest';
import { REPORT_KINDS, REPORT_TEXT_SECTIONS, TABULAR_REPORT_KINDS } from './report-kind.ts';

describe('report kinds', () => {
  test('every kind whose content is tables also comes as a workbook; the two prose reports do not', () => {
    expect(REPORT_KINDS.filter((kind) => !TABULAR_REPORT_KINDS.includes(kind))).toEqual([
      'improvement-actions',
      'activity-review',
    ]);
  });

  test('the texts a tenant writes, by kind and section (their names are stored)', () => {
    expect(REPORT_TEXT_SECTIONS).toEqual({
      'improvement-actions': ['introduction', 'reviews-closing', 'actions-introduction'],
      'control-follow-up': ['guidance', 'committee-reporting', 'board-reporting'],
      'council-summary': ['evaluation'],
    });
  });
});
