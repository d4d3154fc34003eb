import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { reportTemplateSettings } from '../../domain/contracts/report-templates.ts';
import { docxText, pdfText } from '../../../test/support/seed-fidelity.ts';
import { pngImage } from '../../../test/support/test-images.ts';
import type { ReportDocument } from './document.ts';
import { text } from './document.ts';
import { labelsFor } from './report-context.ts';
import { applyTemplate, type ReportTemplateInput } from './report-template.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderPdf } from './render-pdf.ts';

const FIELDS = { nämnd: 'Kulturnämnden', år: '2026', period: '2026', datum: '2026-06-15' };

function planDocument(): ReportDocument {
  return {
    kind: 'plan',
    title: 'Internkontrollplan 2026',
    subtitle: ['Kulturnämnden', '2026'],
    language: 'sv',
    outline: false,
    orientation: 'portrait',
    blocks: [
      text('Inledande rad'),
      { type: 'heading', level: 1, text: 'Beslut', section: 'decision' },
      text('Beslutets text'),
      { type: 'heading', level: 1, text: 'Riskmatris', section: 'risk-matrix' },
      text('Matrisens text'),
      { type: 'heading', level: 1, text: 'Risker', section: 'risks' },
      { type: 'heading', level: 2, text: 'Risk 1' },
      text('Riskens text'),
    ],
    labels: { contents: 'Innehållsförteckning', page: 'Sida' },
    generatedAt: '2026-06-15T10:00:00.000Z',
  };
}

const LOGO = { bytes: pngImage(120, 40), type: 'image/png' as const, width: 120, height: 40 };

function fullTemplate(): ReportTemplateInput {
  return {
    settings: reportTemplateSettings.parse({
      letterhead: 'Exempelby kommun\nKulturförvaltningen, Storgatan 1',
      cover: { enabled: true, title: 'Internkontrollplan för {nämnd} {år}' },
      diarienummer: 'KUN-2026-0042',
      caseOfficer: 'Eva Handläggare',
      memo: {
        enabled: true,
        proposal: '{nämnd} fastställer internkontrollplanen för {period}.',
        sendTo: 'Kommunstyrelsen\nRevisionen',
      },
      footer: { enabled: true, text: 'Exempelby kommun · {datum}' },
      kinds: {
        plan: {
          sections: [
            { key: 'risks', included: true, text: 'Riskerna som {nämnd} bedömt inför {år}.' },
            { key: 'decision', included: true, text: null },
            { key: 'risk-matrix', included: false, text: null },
          ],
        },
      },
    }),
    logo: LOGO,
  };
}

function pdfPages(bytes: Buffer): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'uppsikt-template-'));
  try {
    const file = join(folder, 'report.pdf');
    writeFileSync(file, bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    return Array.from({ length: pages }, (_, index) =>
      execFileSync('pdftotext', ['-layout', '-f', String(index + 1), '-l', String(index + 1), file, '-'], {
        encoding: 'utf8',
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('applying a template', () => {
  test('no section settings leave the document as the kind built it; the neutral document has no template parts', () => {
    const neutral = planDocument();
    const applied = applyTemplate(
      neutral,
      { settings: reportTemplateSettings.parse({}), logo: null },
      FIELDS,
      labelsFor('sv'),
    );
    expect(applied).toEqual(neutral);
  });

  test('sections in the template order, a section left out is gone with its content, standard texts filled in', () => {
    const applied = applyTemplate(planDocument(), fullTemplate(), FIELDS, labelsFor('sv'));
    const headings = applied.blocks.filter((block) => block.type === 'heading' && block.level === 1);
    expect(headings.map((heading) => heading.type === 'heading' && heading.section)).toEqual([
      'memo',
      'risks',
      'decision',
    ]);
    const all = JSON.stringify(applied.blocks);
    expect(all).not.toContain('Matrisens text');
    expect(all).not.toContain('Riskmatris');
    expect(all).toContain('Riskerna som Kulturnämnden bedömt inför 2026.');
    expect(all).toContain('Kulturnämnden fastställer internkontrollplanen för 2026.');
    expect(all).not.toMatch(/\{(nämnd|år|period|datum)\}/);
    // The lines before the first section stay first, right after the tjänsteskrivelse.
    const memoEnd = applied.blocks.findIndex((block) => block.type === 'heading' && block.section === 'risks');
    expect(applied.blocks[memoEnd - 1]).toEqual(text('Inledande rad'));
    expect(applied.cover).toEqual({
      title: 'Internkontrollplan för Kulturnämnden 2026',
      lines: [
        { label: 'Nämnd', value: 'Kulturnämnden' },
        { label: 'Period', value: '2026' },
        { label: 'Datum', value: '2026-06-15' },
        { label: 'Diarienummer', value: 'KUN-2026-0042' },
        { label: 'Handläggare', value: 'Eva Handläggare' },
      ],
    });
    expect(applied.letterhead?.lines).toEqual(['Exempelby kommun', 'Kulturförvaltningen, Storgatan 1']);
    expect(applied.letterhead?.logo?.alt).toBe('Exempelby kommun');
    expect(applied.footer).toEqual({ text: 'Exempelby kommun · 2026-06-15', of: 'av' });
  });

  test('a tjänsteskrivelse with nothing written, a cover without diarienummer: no empty heading, no empty line', () => {
    const applied = applyTemplate(
      planDocument(),
      {
        settings: reportTemplateSettings.parse({ cover: { enabled: true }, memo: { enabled: true } }),
        logo: null,
      },
      FIELDS,
      labelsFor('en'),
    );
    expect(applied.blocks).toEqual(planDocument().blocks);
    expect(applied.cover).toEqual({
      title: 'Internkontrollplan 2026',
      lines: [
        { label: 'Committee', value: 'Kulturnämnden' },
        { label: 'Period', value: '2026' },
        { label: 'Date', value: '2026-06-15' },
      ],
    });
    expect(applied.letterhead).toBeUndefined();
  });
});

describe('a template drawn in every format', () => {
  const document = applyTemplate(planDocument(), fullTemplate(), FIELDS, labelsFor('sv'));

  test('PDF: the cover page first, then the letterhead, the sections in order and "Sida 1 av 2" in the footer', () => {
    const pages = pdfPages(renderPdf(document));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const [cover, first] = pages as [string, string];
    expect(cover).toMatch(/Internkontrollplan för Kulturnämnden\s+2026/);
    expect(cover).toMatch(/Diarienummer\s+KUN-2026-0042/);
    expect(cover).toMatch(/Handläggare\s+Eva Handläggare/);
    expect(cover).not.toContain('Sida');
    expect(first).toContain('Kulturförvaltningen, Storgatan 1');
    expect(first).toMatch(new RegExp(`Exempelby kommun · 2026-06-15\\s+Sida 1 av ${pages.length - 1}`));
    const all = pdfText(renderPdf(document));
    const order = ['Tjänsteskrivelse', 'Förslag till beslut', 'Beslutet skickas till', 'Risker', 'Beslut'].map((word) =>
      all.indexOf(`\n${word}\n`),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(all).not.toContain('Riskmatris');
  });

  test('PDF: the logo is an image with its alternative text, also for PDF/A', () => {
    const pdf = renderPdf(document, { archival: true });
    const folder = mkdtempSync(join(tmpdir(), 'uppsikt-template-'));
    try {
      writeFileSync(join(folder, 'r.pdf'), pdf);
      const images = execFileSync('pdfimages', ['-list', join(folder, 'r.pdf')], { encoding: 'utf8' });
      // The cover's logo and the letterhead's on the report's pages.
      expect(images).toMatch(/^\s+1\s+0\s+image\s+120\s+40\s/m);
      expect(images).toMatch(/^\s+2\s+\d+\s+image\s+120\s+40\s/m);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect(pdf.toString('latin1')).toContain('/Alt (Exempelby kommun)');
  });

  test('DOCX: the cover section, the header with the logo and its alt text, "Sida N av M" in the footer', async () => {
    const bytes = await renderDocx(document);
    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names.some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    const header = names.filter((name) => /^word\/header\d+\.xml$/.test(name)).map((name) => strFromU8(files[name]!));
    expect(header.join('')).toContain('descr="Exempelby kommun"');
    expect(header.join('')).toContain('Kulturförvaltningen, Storgatan 1');
    const footer = names.filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => strFromU8(files[name]!));
    expect(footer.join('')).toContain('Exempelby kommun · 2026-06-15');
    expect(footer.join('')).toContain('SECTIONPAGES');
    expect(footer.join('')).toContain('PAGE');
    const body = docxText(bytes);
    expect(body.indexOf('Internkontrollplan för Kulturnämnden 2026')).toBeLessThan(body.indexOf('Tjänsteskrivelse'));
    expect(body).toContain('Diarienummer: KUN-2026-0042');
    expect(body.indexOf('Riskerna som Kulturnämnden bedömt inför 2026.')).toBeLessThan(body.indexOf('Beslutets text'));
    expect(body).not.toContain('Riskmatris');
    // The cover is a section of its own, and the report's page numbers start at 1 after it.
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
    expect(xml).toContain('<w:pgNumType w:start="1"');
  });

  test('HTML: the letterhead with the logo as an image, the cover, the sections in order, the footer text', () => {
    const html = renderHtml(document);
    expect(html).toMatch(
      /<header class="letterhead"><img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Exempelby kommun"/,
    );
    expect(html).toContain('<p class="cover-title">Internkontrollplan för Kulturnämnden 2026</p>');
    expect(html).toContain('<dt>Handläggare</dt><dd>Eva Handläggare</dd>');
    expect(html.indexOf('Tjänsteskrivelse')).toBeLessThan(html.indexOf('>Risker<'));
    expect(html.indexOf('>Risker<')).toBeLessThan(html.indexOf('>Beslut<'));
    expect(html).not.toContain('Riskmatris');
    expect(html).toContain('<footer class="page-footer"><p>Exempelby kommun · 2026-06-15</p></footer>');
  });
});
