import { describe, expect, test } from 'vitest';
import { REPORT_KINDS, REPORT_TEXT_SECTIONS, TABULAR_REPORT_KINDS } from './report-kind.ts';

describe('report kinds', () => {
  test('every kind whose content is tables also comes as a workbook; the prose reports and the follow-up reports to the nämnd do not', () => {
    expect(REPORT_KINDS.filter((kind) => !TABULAR_REPORT_KINDS.includes(kind))).toEqual([
      'improvement-actions',
      'activity-review',
      'internal-control-report',
      'period-report',
    ]);
  });

  test('the texts a tenant writes, by kind and section (their names are stored)', () => {
    expect(REPORT_TEXT_SECTIONS).toEqual({
      'improvement-actions': ['introduction', 'reviews-closing', 'actions-introduction'],
      'control-follow-up': ['guidance', 'committee-reporting', 'board-reporting'],
      'council-summary': ['evaluation'],
      'internal-control-report': ['introduction', 'proposed-decision'],
      'period-report': ['introduction', 'proposed-decision'],
    });
  });
});
