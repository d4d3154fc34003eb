import { describe, expect, test } from 'vitest';
import { labelsFor } from './report-context.ts';

// The sentences the reports build from their parts, in both languages: counts with the right
// number, a review's decision with only the parts it has, a decision line with what was recorded.

const sv = labelsFor('sv');
const en = labelsFor('en');

describe('the sentences of a report', () => {
  test('a review: its case number and title, then its meeting and paragraph, each only when recorded', () => {
    const review = { diarienummer: 'NA-2026-1', title: 'Granskning av attester', date: '2026-05-12', paragraph: '§12' };
    expect(sv.reviewLine(review)).toBe('NA-2026-1 Granskning av attester. Sammanträde 2026-05-12, protokoll §12.');
    expect(en.reviewLine(review)).toBe('NA-2026-1 Granskning av attester. Meeting 2026-05-12, minutes §12.');
    expect(sv.reviewLine({ ...review, paragraph: null })).toBe(
      'NA-2026-1 Granskning av attester. Sammanträde 2026-05-12.',
    );
    // A paragraph without a date begins the sentence, with a capital.
    expect(sv.reviewLine({ ...review, date: null })).toBe('NA-2026-1 Granskning av attester. Protokoll §12.');
    expect(en.reviewLine({ ...review, date: '  ' })).toBe('NA-2026-1 Granskning av attester. Minutes §12.');
    expect(sv.reviewLine({ diarienummer: null, title: ' Granskning ', date: null, paragraph: null })).toBe(
      'Granskning.',
    );
    expect(sv.reviewLine({ diarienummer: ' ', title: 'Granskning', date: ' 2026-05-12 ', paragraph: ' §3 ' })).toBe(
      'Granskning. Sammanträde 2026-05-12, protokoll §3.',
    );
    // A title that ends a sentence itself gets no second full stop.
    expect(sv.reviewLine({ diarienummer: null, title: 'Är attesterna rätt?', date: null, paragraph: null })).toBe(
      'Är attesterna rätt?',
    );
    expect(sv.reviewLine({ diarienummer: null, title: 'Klart!', date: '2026-01-02', paragraph: null })).toBe(
      'Klart! Sammanträde 2026-01-02.',
    );
    expect(sv.reviewLine({ diarienummer: null, title: 'Slut.', date: null, paragraph: null })).toBe('Slut.');
    // Only a stop at the end counts: one inside the title is no end.
    expect(
      sv.reviewLine({ diarienummer: null, title: 'Attester m.m. i ekonomisystemet', date: null, paragraph: null }),
    ).toBe('Attester m.m. i ekonomisystemet.');
  });

  test('the decision line: by whom, when, which paragraph and case number, each only when recorded', () => {
    expect(sv.decisionLine('Nämnd B', '2026-02-17', '§95', 'NB-2026-3')).toBe(
      'Beslutad av Nämnd B, sammanträde 2026-02-17, protokoll §95, diarienummer NB-2026-3.',
    );
    expect(en.decisionLine('Nämnd B', '', '§95', '')).toBe('Decided by Nämnd B, minutes §95.');
    // Without the deciding body the sentence begins with what there is, with a capital.
    expect(sv.decisionLine('', '2026-02-17', '', '')).toBe('Sammanträde 2026-02-17.');
    expect(en.decisionLine('', '', '', 'NB-1')).toBe('Case number NB-1.');
  });

  test('counts say one and many in the right number', () => {
    expect([0, 1, 2].map((count) => sv.deviationsFound(count))).toEqual([
      '0 avvikelser är rapporterade.',
      '1 avvikelse är rapporterad.',
      '2 avvikelser är rapporterade.',
    ]);
    expect([1, 3].map((count) => en.deviationsFound(count))).toEqual([
      '1 deviation has been reported.',
      '3 deviations have been reported.',
    ]);
    expect([0, 1, 2].map((count) => sv.openDeviationCount(count))).toEqual([
      '0 öppna avvikelser',
      '1 öppen avvikelse',
      '2 öppna avvikelser',
    ]);
    expect([0, 1, 2].map((count) => en.openDeviationCount(count))).toEqual([
      '0 open deviations',
      '1 open deviation',
      '2 open deviations',
    ]);
    expect([0, 1, 4].map((count) => sv.unassessedRisks(count))).toEqual([
      'Alla risker är bedömda.',
      '1 risk är inte bedömd och står inte i matrisen.',
      '4 risker är inte bedömda och står inte i matrisen.',
    ]);
    expect([0, 1, 4].map((count) => en.unassessedRisks(count))).toEqual([
      'Every risk is assessed.',
      '1 risk is not assessed and is not in the matrix.',
      '4 risks are not assessed and are not in the matrix.',
    ]);
  });

  test('titles and headings with their year, period or number', () => {
    expect([sv.improvementActionsTitle('2026'), en.improvementActionsTitle('2026')]).toEqual([
      'Uppföljning förbättringsåtgärder 2026',
      'Follow-up of improvement actions 2026',
    ]);
    expect([sv.activityPlanTitle('2025-2026'), en.activityPlanTitle('2026')]).toEqual([
      'Uppföljning plan 2025-2026',
      'Follow-up of plan 2026',
    ]);
    expect([sv.councilTitle('2026'), en.deviationsTitle('2026'), sv.deviationsTitle('2026')]).toEqual([
      'Uppföljning av intern kontroll 2026 – sammanställning för kommunstyrelsen',
      'Reported deviations 2026',
      'Rapporterade avvikelser 2026',
    ]);
    expect([
      sv.riskHeading('R'),
      sv.actionHeading('Å'),
      en.actionHeading('A'),
      sv.assignmentHeading('3'),
      sv.commentOfYear('2026'),
      en.commentOfYear('2026'),
    ]).toEqual(['Risk: R', 'Åtgärd: Å', 'Action: A', '3. Uppdrag/Aktivitet', 'Kommentar 2026', 'Comment 2026']);
    expect([
      sv.reviewsOfYear('2026'),
      sv.meetingOn('16 september'),
      sv.meetingInMonth('oktober'),
      en.meetingOn('16 September'),
      en.meetingInMonth('October'),
    ]).toEqual([
      'Granskningar 2026 med förbättringsåtgärder och när dessa beslutats:',
      'Sammanträde den 16 september.',
      'Sammanträde i oktober.',
      'Meeting on 16 September.',
      'Meeting in October.',
    ]);
    expect([sv.bandLine('Hög', 7, 9), en.bandLine('High', 7, 9), sv.planRevision(2), en.planRevision(3)]).toEqual([
      'Hög: riskvärde 7–9',
      'High: risk value 7–9',
      'revision 2',
      'revision 3',
    ]);
  });
});
