import { strFromU8, unzipSync } from 'fflate';
import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportKind } from '../../domain/contracts/reports.ts';
import { fixedClock } from '../../domain/clock.ts';
import { operatorAccess } from '../access/access.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { loadDemoData } from '../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../paths.ts';
import { withConsecutiveHeadings, type Block, type ReportDocument } from './document.ts';
import { buildReportDocument, renderReport } from './generate-report.ts';
import { chartAltText, renderPdf } from './render-pdf.ts';
import { withPdfUaIdentification } from './pdf-ua-identification.ts';
import { findScopeByNames } from './report-scope.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { demoClock } from '../../../test/support/demo-clock.ts';
import { DEMO_REPORT_SCOPES } from '../../../test/support/report-contexts.ts';
import { pdfText } from '../../../test/support/seed-fidelity.ts';
import {
  catalog,
  crossReferenceProblems,
  figureAltTexts,
  fullText,
  pdfInfo,
  structureTree,
  walk,
  xmpMetadata,
  type StructNode,
} from '../../../test/support/pdf-accessibility.ts';

// Accessible and archivable documents, read back as a checker would. Every PDF is tagged
// PDF/UA-1: identified in its XMP, with its language, "Marked" content, the title shown by
// viewers, and a structure tree whose headings, table header cells and chart figures (with
// alternative texts that state the numbers) follow the report. The archive copy is PDF/A-2a as
// well. Every DOCX uses Word's heading styles, repeats table header rows, gives its chart images
// alternative texts and states its language. Reports are made from the demo data.
//
// No open PDF/A-2 or PDF/UA-1 validator can be installed from the registries this project
// reaches (veraPDF is not packaged for Debian nor on npm; PDFBox's preflight in Debian checks
// PDF/A-1b only), so these tests check the standards' markers and structure themselves, and
// Typst checks its PDF/UA-1 rules while writing every PDF.

/** Kinds with tables, a chart (improvement-actions), a heat map (council-summary), a table of contents. */
const KINDS: ReportKind[] = ['improvement-actions', 'control-follow-up', 'plan', 'council-summary', 'activity-review'];
const KINDS_WITH_TABLES: ReportKind[] = ['control-follow-up', 'plan', 'council-summary'];

/** Text as compared: a hyphenated word is whole again, whitespace is one space. */
const normalise = (value: string) =>
  value
    .replace(/\u00ad\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The document's blocks in reading order, those inside tables and lists too. */
function allBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => {
    if (block.type === 'table')
      return [block, ...block.table.rows.flatMap((row) => row.flatMap((cell) => allBlocks(cell.blocks)))];
    if (block.type === 'list') return [block, ...block.items.flatMap((item) => allBlocks(item))];
    return [block];
  });
}

/** The headings both formats print: the report's, their levels made consecutive. */
const headingsOf = (document: ReportDocument) =>
  allBlocks(withConsecutiveHeadings(document).blocks).flatMap((block) =>
    block.type === 'heading' ? [{ level: block.level, text: normalise(block.text) }] : [],
  );

const EMPTY_DOCUMENT: ReportDocument = {
  kind: 'plan',
  title: 'Titel',
  subtitle: [],
  language: 'sv',
  outline: false,
  orientation: 'portrait',
  labels: { contents: 'Innehåll', page: 'Sida' },
  generatedAt: '2026-06-15T10:00:00.000Z',
  blocks: [],
};

describe('heading levels', () => {
  const levels = (...given: (1 | 2 | 3 | 4)[]) =>
    allBlocks(
      withConsecutiveHeadings({
        ...EMPTY_DOCUMENT,
        blocks: given.map((level, index) =>
          index === 2
            ? {
                type: 'table',
                table: {
                  caption: 'c',
                  columns: [{ title: 'a' }],
                  rows: [[{ blocks: [{ type: 'heading', level, text: 'x' }] }]],
                },
              }
            : { type: 'heading', level, text: String(index) },
        ),
      }).blocks,
    ).flatMap((block) => (block.type === 'heading' ? [block.level] : []));

  test('a heading without words is left out', () => {
    const document = withConsecutiveHeadings({
      ...EMPTY_DOCUMENT,
      blocks: [
        { type: 'heading', level: 1, text: ' ' },
        { type: 'heading', level: 2, text: 'Kvar' },
      ],
    });
    expect(document.blocks).toEqual([{ type: 'heading', level: 1, text: 'Kvar' }]);
  });

  test('never skip a level and start at 1, keeping which heading falls under which', () => {
    expect(levels(2, 4, 4, 2, 3)).toEqual([1, 2, 2, 1, 2]);
    expect(levels(1, 4, 3, 4, 1)).toEqual([1, 2, 2, 3, 1]);
    expect(levels(1, 2, 3, 4)).toEqual([1, 2, 3, 4]);
  });
});

describe('unusual content still makes a PDF/UA-1 document', () => {
  const cases: [string, Block[]][] = [
    ['nothing but the title', []],
    ['a heading without words', [{ type: 'heading', level: 3, text: '' }]],
    ['a chart without rows', [{ type: 'chart', title: 'Enkät', rows: [] }]],
    ['a table without rows', [{ type: 'table', table: { caption: 'c', columns: [{ title: 'A' }], rows: [] } }]],
    [
      'a heading, a link and a row header inside a table cell',
      [
        {
          type: 'table',
          table: {
            caption: 'c',
            columns: [{ title: 'A' }],
            rows: [
              [
                {
                  header: true,
                  blocks: [
                    { type: 'heading', level: 2, text: 'Rubrik' },
                    { type: 'paragraph', spans: [{ text: 'länk', href: 'https://example.org/' }] },
                  ],
                },
              ],
            ],
          },
        },
      ],
    ],
    [
      'a chart inside a list',
      [{ type: 'list', ordered: false, items: [[{ type: 'chart', title: 'c', rows: [{ label: 'a', value: 0 }] }]] }],
    ],
  ];
  test.each(cases)('%s', (_name, blocks) => {
    for (const orientation of ['portrait', 'landscape'] as const) {
      const document = { ...EMPTY_DOCUMENT, orientation, outline: true, blocks };
      expect(xmpMetadata(renderPdf(document))).toContain('<pdfuaid:part>1</pdfuaid:part>');
      const archive = renderPdf(document, { archival: true });
      expect(xmpMetadata(archive)).toMatch(/<pdfuaid:part>1<\/pdfuaid:part><pdfaid:part>2<\/pdfaid:part>/);
      expect(crossReferenceProblems(archive)).toEqual([]);
    }
  });
});

test('only a PDF/A-2 file gets the PDF/UA identification added; a file laid out otherwise is refused, not patched', () => {
  const accessible = renderPdf(EMPTY_DOCUMENT);
  expect(() => withPdfUaIdentification(accessible)).toThrow(/not PDF\/A-2 metadata/);
  expect(() => withPdfUaIdentification(Buffer.from('%PDF-1.7\n%%EOF\n'))).toThrow(/trailer/);
});

describe('accessible and archivable reports', () => {
  let database: DatabaseHandle;
  const made = new Map<string, { document: ReportDocument; pdf: Buffer; archive: Buffer; docx: Buffer }>();
  // poppler takes seconds to print a long report's structure tree: read once per report.
  const trees = new Map<ReportKind, StructNode>();
  const treeOf = async (kind: ReportKind) => {
    const tree = trees.get(kind) ?? structureTree((await report(kind)).pdf);
    trees.set(kind, tree);
    return tree;
  };

  const report = async (kind: ReportKind, locale: 'sv' | 'en' = 'sv') => {
    const key = `${kind}/${locale}`;
    const existing = made.get(key);
    if (existing) return existing;
    const { tenant, unit, period } = DEMO_REPORT_SCOPES[kind];
    const scope = await findScopeByNames(database.db, tenant, unit);
    const request = { kind, unitId: scope.unitId, period, locale };
    const document = await buildReportDocument(
      database.db,
      operatorAccess(scope.tenantId, fixedClock('2026-11-30T10:00:00Z')),
      { ...request, format: 'pdf' },
    );
    const result = {
      document,
      pdf: (await renderReport(document, { ...request, format: 'pdf' })).bytes,
      archive: (await renderReport(document, { ...request, format: 'pdf', archival: true })).bytes,
      docx: (await renderReport(document, { ...request, format: 'docx' })).bytes,
    };
    made.set(key, result);
    return result;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
  });
  afterAll(() => database.close());

  describe('PDF', () => {
    test.each(KINDS)(
      '%s is identified as PDF/UA-1 and only that; the archive copy as PDF/A-2a and PDF/UA-1',
      async (kind) => {
        const { pdf, archive } = await report(kind);
        const xmp = xmpMetadata(pdf);
        expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
        expect(xmp).not.toMatch(/pdfaid:part/);

        const archived = xmpMetadata(archive);
        expect(archived).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
        expect(archived).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
        expect(archived).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
        // PDF/A-2 wants every property outside its predefined schemas described in the metadata.
        expect(archived).toMatch(
          /<pdfaSchema:namespaceURI>http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/<\/pdfaSchema:namespaceURI><pdfaSchema:prefix>pdfuaid<\/pdfaSchema:prefix>/,
        );
        // The updated packet is well-formed XML, each identification in its namespace (as a checker reads it).
        const packet = await parseDomFromString(archived);
        const property = (namespace: string, name: string) =>
          xpath
            .selectElements(packet, `//*[local-name()='${name}' and namespace-uri()='${namespace}']`)
            .map((element) => (element as { textContent: string | null }).textContent);
        expect(property('http://www.aiim.org/pdfua/ns/id/', 'part')).toEqual(['1']);
        expect(property('http://www.aiim.org/pdfa/ns/id/', 'part')).toEqual(['2']);
        expect(property('http://www.aiim.org/pdfa/ns/id/', 'conformance')).toEqual(['A']);
        expect(property('http://purl.org/dc/elements/1.1/', 'title')).toHaveLength(1);
        // The appended update's cross-reference points where it should, and readers read the file whole.
        expect(crossReferenceProblems(archive)).toEqual([]);
        expect(crossReferenceProblems(pdf)).toEqual([]);
        expect(pdfInfo(archive).Pages).toBe(pdfInfo(pdf).Pages);
        expect(pdfText(archive)).toBe(pdfText(pdf));
      },
    );

    test.each(KINDS)('%s: language, marked content, the title shown by viewers, in both copies', async (kind) => {
      const { document, pdf, archive } = await report(kind);
      for (const bytes of [pdf, archive]) {
        const root = catalog(bytes);
        expect(root).toMatch(/\/Lang \(sv\)/);
        expect(root).toMatch(/\/MarkInfo <<\s*\/Marked true/);
        expect(root).toMatch(/\/ViewerPreferences <<[^>]*\/DisplayDocTitle true/);
        expect(root).toMatch(/\/StructTreeRoot \d+ 0 R/);
        const info = pdfInfo(bytes);
        expect(info.Title).toBe(document.title);
        expect(info.Tagged).toBe('yes');
        expect(xmpMetadata(bytes)).toContain(`<rdf:li xml:lang="x-default">${document.title}</rdf:li>`);
      }
    });

    test('an English report states English', async () => {
      const { pdf, archive } = await report('control-follow-up', 'en');
      for (const bytes of [pdf, archive]) expect(catalog(bytes)).toMatch(/\/Lang \(en\)/);
    });

    test.each(KINDS)(
      '%s: the headings are H1–H4 of the report, in its order, without a skipped level',
      async (kind) => {
        const { document, pdf } = await report(kind);
        // The table of contents' own title is a heading too.
        const expected = [
          ...(document.outline ? [{ level: 1, text: document.labels.contents }] : []),
          ...headingsOf(document),
        ];
        expect(expected.length).toBeGreaterThan(1);
        expect(pdf.length).toBeGreaterThan(0);
        const found = walk(await treeOf(kind))
          .filter((node) => /^H[1-6]$/.test(node.role))
          .map((node) => ({ level: Number(node.role.slice(1)), text: normalise(fullText(node)) }));
        expect(found).toEqual(expected);
        let previous = 0;
        for (const heading of found) {
          expect(heading.level, `${heading.text} follows a level ${previous}`).toBeLessThanOrEqual(previous + 1);
          previous = heading.level;
        }
      },
    );

    test.each(KINDS_WITH_TABLES)(
      '%s: every table has a header row of TH cells naming its columns, and data rows',
      async (kind) => {
        const { document } = await report(kind);
        const tables = allBlocks(document.blocks).flatMap((block) => (block.type === 'table' ? [block.table] : []));
        expect(tables.length).toBeGreaterThan(0);
        const found = walk(await treeOf(kind)).filter((node) => node.role === 'Table');
        // A header hyphenated over two lines is two pieces of text in the tree: compared without spaces.
        const letters = (value: string) => value.replace(/[\s\u00ad]/g, '');
        const headerTexts = (table: StructNode) =>
          walk(table)
            .filter((node) => node.role === 'THead')
            .flatMap((head) => walk(head).filter((node) => node.role === 'TH'))
            .map((cell) => letters(fullText(cell)));
        expect(found.map(headerTexts)).toEqual(
          tables.map((table) => table.columns.map((column) => letters(column.title))),
        );
        for (const [index, table] of found.entries()) {
          const bodyRows = walk(table)
            .filter((node) => node.role === 'TBody')
            .flatMap((body) => body.children);
          expect(bodyRows.length).toBe(tables[index]!.rows.length);
          expect(bodyRows.every((row) => row.role === 'TR')).toBe(true);
        }
      },
    );

    test('a chart is a Figure whose alternative text states each number', async () => {
      const { document, pdf, archive } = await report('improvement-actions');
      const charts = allBlocks(document.blocks).filter(
        (block): block is Extract<Block, { type: 'chart' }> => block.type === 'chart',
      );
      expect(charts.length).toBeGreaterThan(0);
      const tree = await treeOf('improvement-actions');
      const figures = walk(tree).filter((node) => node.role === 'Figure');
      // The running footer (title, page number) is an artifact, not content read aloud on every page.
      expect(fullText(tree)).not.toMatch(new RegExp(`${document.labels.page} \\d`));
      expect(pdfText(pdf)).toMatch(new RegExp(`${document.labels.page} 2`));
      expect(figures.length).toBe(charts.length);
      for (const bytes of [pdf, archive]) expect(figureAltTexts(bytes)).toEqual(charts.map(chartAltText));
      const [first] = charts;
      for (const row of first!.rows)
        expect(chartAltText(first!)).toContain(`${row.label} ${String(row.value).replace('.', ',')}`);
      expect(chartAltText(first!).startsWith(`${first!.title}: `)).toBe(true);
    });
  });

  describe('DOCX', () => {
    const part = async (docx: Buffer, name: string) => {
      const files = unzipSync(docx, { filter: (file) => file.name === name });
      expect(files[name], name).toBeDefined();
      return Promise.resolve(strFromU8(files[name]!));
    };

    test.each(KINDS)('%s: headings in Word’s Heading 1–4 styles, in the report’s order', async (kind) => {
      const { document, docx } = await report(kind);
      const body = await part(docx, 'word/document.xml');
      const styles = await part(docx, 'word/styles.xml');
      const found = [
        ...body.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<\/w:p>/g),
      ].map((match) => ({
        level: Number(match[1]),
        text: normalise([...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      }));
      const unescape = (value: string) =>
        value
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"');
      expect(found.map((heading) => ({ ...heading, text: unescape(heading.text) }))).toEqual(headingsOf(document));
      // The styles are Word's built-in Heading styles, with their outline levels (what the
      // navigation pane, the table of contents and a PDF saved from Word read).
      for (const level of new Set(found.map((heading) => heading.level))) {
        const style =
          new RegExp(`<w:style [^>]*w:styleId="Heading${level}">[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
        expect(style).toMatch(new RegExp(`<w:name w:val="[Hh]eading ${level}"/>`));
        expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
      }
    });

    test.each(KINDS)('%s: every table’s first row is a header row repeated on each page', async (kind) => {
      const { document, docx } = await report(kind);
      const body = await part(docx, 'word/document.xml');
      const tables = allBlocks(document.blocks).filter((block) => block.type === 'table');
      const charts = allBlocks(document.blocks).filter((block) => block.type === 'chart');
      const wordTables = [...body.matchAll(/<w:tbl>[\s\S]*?<w:tr>([\s\S]*?)<\/w:tr>/g)];
      expect(wordTables.length).toBe(tables.length + charts.length);
      const headerRows = wordTables.filter((match) =>
        /<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1|on)"\/>/.test(match[1]!),
      );
      expect(headerRows.length).toBe(tables.length);
    });

    test('the document states its language, and each chart bar has an alternative text with its number', async () => {
      const { document, docx } = await report('improvement-actions');
      const styles = await part(docx, 'word/styles.xml');
      expect(styles).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="sv-SE"[^>]*\/>[\s\S]*<\/w:rPrDefault>/);
      const english = (await report('control-follow-up', 'en')).docx;
      expect(await part(english, 'word/styles.xml')).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="en-GB"/);
      const body = await part(docx, 'word/document.xml');
      const descriptions = [...body.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((match) => match[1]);
      const rows = allBlocks(document.blocks).flatMap((block) => (block.type === 'chart' ? block.rows : []));
      expect(rows.length).toBeGreaterThan(0);
      expect(descriptions).toEqual(rows.map((row) => `${row.label}: ${String(row.value).replace('.', ',')}`));
      expect(await part(docx, 'docProps/core.xml')).toContain(`<dc:title>${document.title}</dc:title>`);
    });
  });
});
