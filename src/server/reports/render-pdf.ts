import { createHash } from 'node:crypto';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { Block, Cell, Logo, ReportDocument, Span } from './document.ts';
import { columnSizes } from './column-widths.ts';
import { formatNumber, withConsecutiveHeadings } from './document.ts';
import { safeColour } from './render-html.ts';
import { withPdfUaIdentification } from './pdf-ua-identification.ts';

// PDF through Typst: the document becomes Typst markup in which every piece of user text is a
// string literal (never markup, so nothing users write can change the layout), and the
// compiler writes a tagged PDF/UA-1 document (title shown by viewers, language, headings, table
// header cells, charts as figures whose alternative text states the numbers). The archive copy
// is PDF/A-2a as well: the installed Typst binding takes one standard per export, so the
// archive copy is checked against PDF/UA-1 by a first export, written as PDF/A-2a by a second
// and then carries both identifications (see pdf-ua-identification.ts).

let compiler: NodeCompiler | null = null;

/**
 * The compiler's workspace: a folder that does not exist, so a report reads no file of the
 * machine; a logo is put there as a virtual (shadow) file for the time of one compilation.
 */
const WORKSPACE = '/uppsikt-report';

/** One compiler per process: it holds the fonts, which take a while to load. */
function typst(): NodeCompiler {
  compiler ??= NodeCompiler.create({ workspace: WORKSPACE });
  return compiler;
}

/** The virtual path of a logo, named by its content. */
function logoPath(logo: Logo): string {
  const extension = logo.type === 'image/png' ? 'png' : 'jpg';
  return `/logo-${createHash('sha256').update(logo.bytes).digest('hex').slice(0, 16)}.${extension}`;
}

export interface PdfOptions {
  /** PDF/A-2a as well, for the archive (arkivering): embedded fonts, tagged, no external dependencies. */
  archival?: boolean;
}

export function renderPdf(document: ReportDocument, options: PdfOptions = {}): Buffer {
  const source = typstSource(document);
  const compiler = typst();
  const logo = document.letterhead?.logo;
  // Compilation is synchronous: no other report sees the logo between mapping and unmapping it.
  if (logo) compiler.mapShadow(`${WORKSPACE}${logoPath(logo)}`, logo.bytes);
  try {
    const result = compiler.compile({ mainFileContent: source });
    const error = result.takeError();
    if (error || !result.result) {
      const diagnostics = error ? compiler.fetchDiagnostics(error) : [];
      throw new Error(`Typst could not typeset the report: ${JSON.stringify(diagnostics).slice(0, 2000)}`);
    }
    // The PDF's own dates are the moment of generation, not the moment of rendering.
    const creationTimestamp = Math.floor(Date.parse(document.generatedAt) / 1000);
    // Typst refuses to write a PDF/UA-1 document that breaks the standard's rules it checks
    // (no title, a figure without alternative text …), so a report that does not meet them fails here.
    const accessible = compiler.pdf(result.result, { pdfStandard: 'ua-1', pdfTags: true, creationTimestamp });
    const pdf = options.archival
      ? withPdfUaIdentification(compiler.pdf(result.result, { pdfStandard: 'a-2a', pdfTags: true, creationTimestamp }))
      : accessible;
    // Typst keeps what it computed for reuse by later compilations. Only the last one's is kept:
    // the same report made again (a preview, then the download) is typeset from it in a fraction
    // of the time, while different reports one after another (the årsarkiv's plans) no longer
    // pile up ten compilations' worth of memory.
    compiler.evictCache(1);
    return pdf;
  } finally {
    if (logo) compiler.unmapShadow(`${WORKSPACE}${logoPath(logo)}`);
  }
}

/** The Typst markup of a report; exported for tests. */
export function typstSource(input: ReportDocument): string {
  const document = withConsecutiveHeadings(input);
  const generated = new Date(document.generatedAt);
  const out: string[] = [];
  out.push(
    `#set document(title: ${str(document.title)}, author: "Uppsikt", date: datetime(year: ${generated.getUTCFullYear()}, month: ${generated.getUTCMonth() + 1}, day: ${generated.getUTCDate()}))`,
    `#set text(lang: ${str(document.language)}, font: ("Liberation Sans", "DejaVu Sans", "Libertinus Serif"), size: ${document.orientation === 'landscape' ? '9pt' : '10pt'}, hyphenate: true)`,
    `#set page(paper: "a4", flipped: ${document.orientation === 'landscape'}, margin: (x: 1.8cm, top: ${document.letterhead ? '3cm' : '2cm'}, bottom: 2cm), ${headerTypst(document)}footer: ${footerTypst(document)})`,
    `#set par(justify: false)`,
    `#set table(stroke: 0.5pt + luma(110), inset: 4pt)`,
    // Words are hyphenated by the document's language (Swedish patterns for sv), so a long
    // compound breaks inside its cell instead of spilling out; headings and the title stay whole.
    `#show heading: set text(hyphenate: false)`,
    `#show heading: set block(above: 1.2em, below: 0.6em)`,
    `#show heading.where(level: 1): set text(size: 15pt)`,
    `#show heading.where(level: 2): set text(size: 12.5pt)`,
    `#show heading.where(level: 3): set text(size: 11pt)`,
    `#show heading.where(level: 4): set text(size: 10pt)`,
    ...coverTypst(document),
    `#text(size: 20pt, weight: "bold", hyphenate: false)[#${str(document.title)}]`,
    '',
    ...document.subtitle.map((line) => `#text(size: 12pt)[#${str(line)}]\n`),
  );
  if (document.outline)
    out.push(`#outline(title: ${str(document.labels.contents)}, depth: 3)`, '#pagebreak(weak: true)');
  out.push(...document.blocks.map(blockTypst));
  return out.join('\n');
}

/** The letterhead on every page: the logo at the left, the organisation's lines at the right. */
function headerTypst(document: ReportDocument): string {
  if (!document.letterhead) return '';
  const { lines, logo } = document.letterhead;
  const image = logo ? `image(${str(logoPath(logo))}, height: 1.3cm, alt: ${str(logo.alt)})` : '[]';
  const text =
    lines.length > 0
      ? `align(right)[#set text(size: 8.5pt); ${lines.map((line) => `#${str(line)}`).join(' \\ ')}]`
      : '[]';
  return `header: grid(columns: (auto, 1fr), align: horizon, ${image}, ${text}), header-ascent: 25%, `;
}

/** The tenant's footer ("Sida 2 av 5"), else the title and the page number. */
function footerTypst(document: ReportDocument): string {
  const page = `#${str(document.labels.page)} #counter(page).display()`;
  if (!document.footer) return `context [#set text(size: 8pt); #${str(document.title)} #h(1fr) ${page}]`;
  const text = document.footer.text ? `#${str(document.footer.text)}` : '';
  return `context [#set text(size: 8pt); ${text} #h(1fr) ${page} #${str(document.footer.of)} #counter(page).final().first()]`;
}

/** A page of its own before the report, without header or footer; the report's pages count from 1 after it. */
function coverTypst(document: ReportDocument): string[] {
  if (!document.cover) return [];
  const { title, lines } = document.cover;
  const logo = document.letterhead?.logo;
  const rows = lines.map((line) => `[#strong(${str(line.label)})], [#${str(line.value)}]`).join(', ');
  return [
    `#page(header: none, footer: none)[`,
    ...(logo ? [`#image(${str(logoPath(logo))}, height: 2.2cm, alt: ${str(logo.alt)})`, '#v(1cm)'] : []),
    ...(document.letterhead?.lines ?? []).map((line) => `#text(size: 11pt)[#${str(line)}] \\`),
    `#v(4cm)`,
    `#text(size: 26pt, weight: "bold", hyphenate: false)[#${str(title)}]`,
    `#v(1.5cm)`,
    `#grid(columns: (auto, 1fr), column-gutter: 1em, row-gutter: 0.8em, ${rows})`,
    `]`,
    `#counter(page).update(1)`,
  ];
}

function blockTypst(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `#heading(level: ${block.level}, outlined: ${block.outline !== false})[#${str(block.text)}]\n`;
    case 'paragraph': {
      const body = spansTypst(block.spans);
      if (block.style === 'label') return `#block(below: 0.4em)[#strong[${body}]]\n`;
      if (block.style === 'note') return `#emph[${body}]\n`;
      return `${body}\n`;
    }
    case 'list': {
      const fn = block.ordered ? 'enum' : 'list';
      return `#${fn}(${block.items.map((item) => `[${item.map(blockTypst).join('\n')}]`).join(', ')})\n`;
    }
    case 'table': {
      const { table } = block;
      const columns = columnSizes(table)
        .map((size) => (size.fit === 'content' ? 'auto' : `${size.weight}fr`))
        .join(', ');
      const header = `table.header(${table.columns.map((column) => `table.cell(fill: luma(235))[#strong(${str(column.title)})]`).join(', ')})`;
      const cells = table.rows.flatMap((row) => {
        const padded = [
          ...row,
          ...Array.from({ length: Math.max(0, table.columns.length - row.length) }, () => ({ blocks: [] })),
        ];
        return padded.slice(0, table.columns.length).map(cellTypst);
      });
      return `#table(columns: (${columns}), ${header}, ${cells.join(', ')})\n`;
    }
    case 'chart': {
      const largest = Math.max(1, ...block.rows.map((row) => row.value));
      const rows = block.rows
        .map(
          (row) =>
            `[#${str(row.label)}], [#${str(formatNumber(row.value))}], [#box(width: ${((row.value / largest) * 6).toFixed(2)}cm, height: 0.7em, fill: rgb("#1d4ed8"))]`,
        )
        .join(', ');
      // A figure, so the bars are one image for assistive technology, read as its alternative
      // text: the title and every row's number.
      return `#figure(alt: ${str(chartAltText(block))}, block(breakable: false, width: 100%)[#set align(start)\n#strong[#${str(block.title)}]\n#table(columns: (auto, auto, 6.2cm), stroke: none, ${rows})])\n`;
    }
    case 'status':
      return `#box(circle(radius: 3.5pt, fill: rgb(${str(safeColour(block.status.colour))}), stroke: 0.5pt)) #${str(block.status.label)}\n`;
  }
}

/** What a chart says, in words: "Title: label 3, label 4". */
export function chartAltText(chart: Extract<Block, { type: 'chart' }>): string {
  return `${chart.title}: ${chart.rows.map((row) => `${row.label} ${formatNumber(row.value)}`).join(', ')}`;
}

function cellTypst(cell: Cell): string {
  const content = cell.blocks.map(blockTypst).join('\n');
  // A row's header cell (the risk matrix's likelihood) looks like the column headers. Typst
  // 0.14 tags it as a data cell: marking row headers (pdf.header-cell) needs its a11y-extras
  // feature, which the Node binding cannot turn on.
  if (cell.header)
    return `table.cell(fill: ${cell.fill ? `rgb(${str(safeColour(cell.fill))})` : 'luma(235)'})[#strong[${content}]]`;
  const body = `[${content}]`;
  return cell.fill ? `table.cell(fill: rgb(${str(safeColour(cell.fill))}))${body}` : body;
}

function spansTypst(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      let body = span.text
        .split('\n')
        .map((line) => `#${str(line)}`)
        .join(' \\ ');
      if (span.bold) body = `#strong[${body}]`;
      if (span.italic) body = `#emph[${body}]`;
      if (span.href) body = `#link(${str(span.href)})[${body}]`;
      return body;
    })
    .join('');
}

/** A Typst string literal. */
function str(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
