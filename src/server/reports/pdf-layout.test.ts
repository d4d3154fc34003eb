import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../test/support/harness.ts';
import { overlappingWords, wordBoxes, wordsOffTextArea, type Word } from './pdf-word-boxes.ts';
import { pdfText } from '../../../test/support/seed-fidelity.ts';

// The PDF's pages, measured: poppler's word boxes show whether a table header runs into the
// next one or a long Swedish compound spills out of its cell and off the text area.

describe('PDF layout', () => {
  let h: Harness;
  const pdf = async (kind: string) => {
    const reply = await (await h.as('reader')).get(`/reports/${kind}?unit=${h.tenant.unitA}&period=2026&format=pdf`);
    expect(reply.status).toBe(200);
    return reply.bytes;
  };

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      })
    ).body.id;
    const risk = (
      await admin.post('/risks', {
        planId,
        title: 'Bristande kompetensförsörjningsplanering',
        description: 'Rektorn behöver säkerställa förutsättningar.',
        likelihood: 3,
        consequence: 4,
      })
    ).body;
    await admin.post('/risks', { planId, title: 'Otillåten påverkan' });
    await admin.post('/controls', {
      riskId: risk.id,
      title: 'Stickprov',
      description: 'Uppföljning på rektorsmöten',
      statusId: h.tenant.statusIds.pagaende,
      startDate: '2026-01-29',
      endDate: '2026-12-31',
      responsibleIds: [h.userIds.responsible],
    });
    await admin.post('/actions', {
      planId,
      riskId: risk.id,
      title:
        'Information om otillåten påverkan inom ramen för intern kontrollarbetet vid grundskoleförvaltningens introduktion för nya chefer',
      whatToDo: 'Kompetensutvecklingsinsatser för förskoleklassverksamhetens arbetslagsledare.',
    });
  });
  afterAll(() => h.close());

  test('the risk table’s headers Sannolikhet, Konsekvens and Riskvärde do not run into each other', async () => {
    const { words } = wordBoxes(await pdf('plan'));
    const headers = ['Sannolikhet', 'Konsekvens', 'Riskvärde'].map((title) =>
      words.filter((word) => word.text.replace(/\u00ad/g, '') === title).at(-1),
    );
    expect(headers.every(Boolean), 'the headers are whole words').toBe(true);
    expect(overlappingWords(headers as Word[])).toEqual([]);
  });

  for (const kind of ['plan', 'control-follow-up', 'improvement-actions']) {
    test(`${kind}: no word runs into another or off the text area; long compounds are hyphenated`, async () => {
      const bytes = await pdf(kind);
      const boxes = wordBoxes(bytes);
      expect(overlappingWords(boxes.words)).toEqual([]);
      expect(wordsOffTextArea(boxes)).toEqual([]);
      // Hyphenated where needed, and the words are whole again in the text.
      expect(pdfText(bytes)).toContain('grundskoleförvaltningens');
    });
  }
});
