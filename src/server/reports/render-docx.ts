import { deflateSync } from 'node:zlib';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { Block, Cell, Logo, ReportDocument, Span } from './document.ts';
import { formatNumber, withConsecutiveHeadings } from './document.ts';
import { relativeWidths } from './column-widths.ts';
import { safeColour } from './render-html.ts';

// The document municipalities attach to a nämnd case: Word's own heading styles (so the
// navigation pane and the table of contents work), real lists and tables, the chart's bars as
// images beside their numbers.

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;
const BAR_COLOUR = [0x1d, 0x4e, 0xd8] as const;

export async function renderDocx(input: ReportDocument): Promise<Buffer> {
  // Heading levels that never skip one, as in the PDF: Word's navigation and screen readers list them as they are.
  const document = withConsecutiveHeadings(input);
  const language = { value: document.language === 'sv' ? 'sv-SE' : 'en-GB' };
  const writer = new DocxWriter();
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] }),
    ...document.subtitle.map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 26 })] })),
  ];
  if (document.outline) {
    children.push(new Paragraph({ children: [new TextRun({ text: document.labels.contents, bold: true, size: 28 })] }));
    children.push(new TableOfContents(document.labels.contents, { hyperlink: true, headingStyleRange: '1-3' }));
  }
  children.push(...document.blocks.flatMap((block) => writer.block(block)));
  const doc = new Document({
    creator: 'Uppsikt',
    title: document.title,
    description: document.subtitle.join(' – '),
    features: { updateFields: false },
    // Word hyphenates by each run's language (sv-SE), so long compounds break inside their cells.
    hyphenation: { autoHyphenation: true },
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 20, language }, paragraph: { spacing: { after: 100 } } },
        title: { run: { size: 40, bold: true, color: '000000' }, paragraph: { spacing: { after: 200 } } },
        heading1: {
          run: { size: 30, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 0 },
        },
        heading2: {
          run: { size: 26, bold: true, color: '000000' },
          paragraph: { spacing: { before: 280, after: 100 }, keepNext: true, outlineLevel: 1 },
        },
        heading3: {
          run: { size: 22, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 2 },
        },
        heading4: {
          run: { size: 20, bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, outlineLevel: 3 },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
          })),
        },
      ],
    },
    sections: [...coverSection(document), { ...mainProperties(document), children }],
  });
  return Packer.toBuffer(doc);
}

const PORTRAIT_WIDTH_TWIPS = 11906 - 2 * 1440;

function pageSize(document: ReportDocument) {
  return {
    size: { orientation: document.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
  };
}

/** The report's pages: the letterhead above, the footer with the page number below. */
function mainProperties(document: ReportDocument): Omit<ISectionOptions, 'children'> {
  const pageRun = document.footer
    ? new TextRun({
        children: [
          `${document.labels.page} `,
          PageNumber.CURRENT,
          ` ${document.footer.of} `,
          // The cover is a section of its own: "av" counts the report's pages.
          PageNumber.TOTAL_PAGES_IN_SECTION,
        ],
        size: 16,
      })
    : new TextRun({ children: [`${document.labels.page} `, PageNumber.CURRENT], size: 16 });
  const footerText = document.footer?.text;
  const width = document.orientation === 'landscape' ? 16838 - 2 * 1440 : PORTRAIT_WIDTH_TWIPS;
  return {
    properties: { page: { ...pageSize(document), ...(document.cover ? { pageNumbers: { start: 1 } } : {}) } },
    ...(document.letterhead ? { headers: { default: new Header({ children: letterheadParagraphs(document) }) } } : {}),
    footers: {
      default: new Footer({
        children: [
          footerText
            ? new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: width }],
                children: [new TextRun({ text: footerText, size: 16 }), new TextRun({ text: '\t', size: 16 }), pageRun],
              })
            : new Paragraph({ alignment: AlignmentType.RIGHT, children: [pageRun] }),
        ],
      }),
    },
  };
}

function logoRun(logo: Logo, height: number): ImageRun {
  return new ImageRun({
    type: logo.type === 'image/png' ? 'png' : 'jpg',
    data: logo.bytes,
    transformation: { width: Math.max(1, Math.round((logo.width / logo.height) * height)), height },
    altText: { name: logo.alt, title: logo.alt, description: logo.alt },
  });
}

function letterheadParagraphs(document: ReportDocument): Paragraph[] {
  const { lines, logo } = document.letterhead!;
  return [
    ...(logo ? [new Paragraph({ children: [logoRun(logo, 48)] })] : []),
    ...lines.map(
      (line) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: line, size: 17 })] }),
    ),
  ];
}

/** A section of its own before the report, without header or footer. */
function coverSection(document: ReportDocument): ISectionOptions[] {
  if (!document.cover) return [];
  const { title, lines } = document.cover;
  const logo = document.letterhead?.logo;
  return [
    {
      properties: { page: pageSize(document) },
      children: [
        ...(logo ? [new Paragraph({ spacing: { after: 400 }, children: [logoRun(logo, 84)] })] : []),
        ...(document.letterhead?.lines ?? []).map(
          (line) => new Paragraph({ children: [new TextRun({ text: line, size: 22 })] }),
        ),
        new Paragraph({
          spacing: { before: 2400, after: 600 },
          children: [new TextRun({ text: title, bold: true, size: 52 })],
        }),
        ...lines.map(
          (line) =>
            new Paragraph({
              spacing: { after: 120 },
              children: [
                new TextRun({ text: `${line.label}: `, bold: true, size: 24 }),
                new TextRun({ text: line.value, size: 24 }),
              ],
            }),
        ),
      ],
    },
  ];
}

class DocxWriter {
  private orderedLists = 0;

  block(block: Block, listLevel = -1, listKind?: { ordered: boolean; instance: number }): FileChild[] {
    switch (block.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[block.level - 1], children: [new TextRun(block.text)] })];
      case 'paragraph':
        return [
          new Paragraph({
            children: runs(block.spans, { bold: block.style === 'label', italics: block.style === 'note' }),
            ...(listKind ? listOptions(listKind, listLevel) : {}),
          }),
        ];
      case 'list': {
        const kind = { ordered: block.ordered, instance: block.ordered ? ++this.orderedLists : 0 };
        const level = Math.min(listLevel + 1, 2);
        return block.items.flatMap((item) => {
          const [first, ...rest] = item;
          const head =
            first && first.type === 'paragraph'
              ? this.block(first, level, kind)
              : [
                  new Paragraph({ children: [], ...listOptions(kind, level) }),
                  ...(first ? this.block(first, level) : []),
                ];
          return [...head, ...rest.flatMap((inner) => this.block(inner, level))];
        });
      }
      case 'table':
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            // About 110 twentieths of a point per character of 10 pt Arial, and the cell's margins.
            columnWidths: relativeWidths(block.table, 9000, 110, 230),
            rows: [
              new TableRow({
                tableHeader: true,
                children: block.table.columns.map(
                  (column) =>
                    new TableCell({
                      children: [new Paragraph({ children: [new TextRun({ text: column.title, bold: true })] })],
                      shading: shade('#f0f0f0'),
                    }),
                ),
              }),
              ...block.table.rows.map(
                (row) => new TableRow({ children: block.table.columns.map((_, index) => this.cell(row[index])) }),
              ),
            ],
          }),
          new Paragraph({ children: [] }),
        ];
      case 'chart': {
        const largest = Math.max(1, ...block.rows.map((row) => row.value));
        return [
          new Paragraph({ children: [new TextRun({ text: block.title, bold: true })], keepNext: true }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            columnWidths: widths([4, 1, 4]),
            rows: block.rows.map(
              (row) =>
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph(row.label)] }),
                    new TableCell({
                      children: [
                        new Paragraph({
                          alignment: AlignmentType.RIGHT,
                          children: [new TextRun(formatNumber(row.value))],
                        }),
                      ],
                    }),
                    new TableCell({
                      children: [
                        new Paragraph({
                          children: [
                            new ImageRun({
                              type: 'png',
                              data: barImage(),
                              transformation: {
                                width: Math.max(1, Math.round((row.value / largest) * 220)),
                                height: 12,
                              },
                              altText: {
                                name: row.label,
                                title: row.label,
                                description: `${row.label}: ${formatNumber(row.value)}`,
                              },
                            }),
                          ],
                        }),
                      ],
                    }),
                  ],
                }),
            ),
          }),
          new Paragraph({ children: [] }),
        ];
      }
      case 'status':
        return [
          new Paragraph({
            children: [
              new TextRun({ text: '● ', color: safeColour(block.status.colour).slice(1) }),
              new TextRun(block.status.label),
            ],
          }),
        ];
    }
  }

  private cell(cell: Cell | undefined): TableCell {
    const children = (cell?.blocks ?? []).flatMap((block) => this.block(block));
    return new TableCell({
      children: children.length > 0 ? (children as Paragraph[]) : [new Paragraph({ children: [] })],
      ...(cell?.fill ? { shading: shade(cell.fill) } : {}),
    });
  }
}

function listOptions(kind: { ordered: boolean; instance: number }, level: number) {
  const at = Math.max(0, level);
  return kind.ordered
    ? { numbering: { reference: 'ordered', level: at, instance: kind.instance } }
    : { bullet: { level: at } };
}

function runs(spans: readonly Span[], base: { bold: boolean; italics: boolean }): ParagraphChild[] {
  return spans.flatMap((span): ParagraphChild[] => {
    const style = {
      bold: base.bold || span.bold === true,
      italics: base.italics || span.italic === true,
      ...(span.href ? { style: 'Hyperlink' } : {}),
    };
    const lineRuns = span.text
      .split('\n')
      .map((part, index) => new TextRun({ text: part, ...(index > 0 ? { break: 1 } : {}), ...style }));
    return span.href ? [new ExternalHyperlink({ link: span.href, children: lineRuns })] : lineRuns;
  });
}

function shade(colour: string) {
  return { type: ShadingType.CLEAR, color: 'auto', fill: safeColour(colour).slice(1) };
}

/** Column widths in twentieths of a point, in proportion, over a page's text width. */
function widths(relative: readonly number[]): number[] {
  const total = relative.reduce((sum, value) => sum + value, 0);
  return relative.map((value) => Math.round((value / total) * 9000));
}

let bar: Buffer | null = null;

/** A one-pixel PNG in the bar colour, scaled to each bar's length. */
function barImage(): Buffer {
  if (bar) return bar;
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  const pixels = deflateSync(Buffer.from([0, ...BAR_COLOUR]));
  bar = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return bar;
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
