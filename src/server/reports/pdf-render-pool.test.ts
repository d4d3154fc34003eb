import { describe, expect, test } from 'vitest';
import type { Block, ReportDocument } from './document.ts';
import { text } from './document.ts';
import { renderPdfOffThread } from './pdf-render-pool.ts';
import { renderPdf } from './render-pdf.ts';
import { pdfText } from '../../../test/support/seed-fidelity.ts';
import { pngImage } from '../../../test/support/test-images.ts';

function documentTitled(
  title: string,
  blocks: Block[] = [text('Kontrollen är genomförd utan anmärkning.')],
): ReportDocument {
  return {
    kind: 'plan',
    title,
    subtitle: ['Socialnämnden'],
    language: 'sv',
    outline: false,
    orientation: 'portrait',
    blocks,
    labels: { contents: 'Innehållsförteckning', page: 'Sida' },
    generatedAt: '2026-03-01T10:00:00.000Z',
  };
}

/** A document that keeps Typst busy for a while: a long table of rows. */
function longDocument(): ReportDocument {
  const rows = Array.from({ length: 1500 }, (_, index) => [
    { blocks: [text(`Kontrollmoment ${index + 1}`)] },
    { blocks: [text('Stickprov av tio ärenden per kvartal')] },
  ]);
  return documentTitled('Lång plan', [
    { type: 'table', table: { caption: 'Kontroller', columns: [{ title: 'Kontroll' }, { title: 'Metod' }], rows } },
  ]);
}

describe('PDFs typeset in worker threads', () => {
  test('the PDF from the worker is the PDF the renderer makes on the thread, byte for byte, also for the archive', async () => {
    const document = documentTitled('Internkontrollplan 2026');
    expect((await renderPdfOffThread(document)).equals(renderPdf(document))).toBe(true);
    expect(
      (await renderPdfOffThread(document, { archival: true })).equals(renderPdf(document, { archival: true })),
    ).toBe(true);
  });

  test('a logo reaches the worker and is printed', async () => {
    const document: ReportDocument = {
      ...documentTitled('Med logotyp'),
      letterhead: {
        lines: ['Exempelby kommun'],
        logo: { bytes: pngImage(120, 40), type: 'image/png', width: 120, height: 40, alt: 'Exempelby kommun' },
      },
    };
    const pdf = await renderPdfOffThread(document);
    expect(pdf.equals(renderPdf(document))).toBe(true);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });

  test('many documents at once each come back as their own', async () => {
    const titles = Array.from({ length: 6 }, (_, index) => `Rapport nummer ${index + 1}`);
    const pdfs = await Promise.all(titles.map((title) => renderPdfOffThread(documentTitled(title))));
    pdfs.forEach((pdf, index) => expect(pdfText(pdf)).toContain(titles[index]));
  });

  test('a document Typst refuses is a rejected promise with its reason, and the next one is made', async () => {
    // A logo whose bytes are no image (the API checks uploads by content; Typst checks again).
    const refused: ReportDocument = {
      ...documentTitled('Trasig logotyp'),
      letterhead: {
        lines: [],
        logo: { bytes: Buffer.from('inte en bild'), type: 'image/png', width: 10, height: 10, alt: 'Logotyp' },
      },
    };
    expect(() => renderPdf(refused)).toThrow(/Typst/);
    await expect(renderPdfOffThread(refused)).rejects.toThrow(/Typst/);
    expect(pdfText(await renderPdfOffThread(documentTitled('Efter felet')))).toContain('Efter felet');
  });

  test('the thread that asks is free while the PDF is typeset', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    try {
      await renderPdfOffThread(longDocument());
    } finally {
      clearInterval(timer);
    }
    // Typesetting on the asking thread would hold it for the whole compilation: no turn at all.
    expect(turns).toBeGreaterThan(0);
  });
});
