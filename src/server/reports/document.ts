/**
 * The neutral document every report kind builds and every renderer (DOCX, PDF, XLSX, HTML,
 * Markdown) draws. A report module decides what is said; a renderer decides only how it looks,
 * so the six kinds share one rendering of a heading, a table or a chart in every format.
 */

/** A run of text with its emphasis; a link keeps its address for the formats that can carry it. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/** A status as the plan shows it: the tenant's label and colour, and its category. */
export interface StatusMark {
  label: string;
  /** "#rrggbb". */
  colour: string;
}

export type Block =
  /**
   * `outline: false` keeps a heading out of the table of contents (a sub-heading inside rich
   * text). A level-1 heading names its `section` (a key of REPORT_SECTIONS): a template orders,
   * leaves out and opens sections by it.
   */
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string; outline?: boolean; section?: string }
  | { type: 'paragraph'; spans: Span[]; style?: 'label' | 'note' }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'table'; table: Table }
  /** A survey result: drawn as bars, always printed with its numbers. */
  | { type: 'chart'; title: string; rows: { label: string; value: number }[] }
  | { type: 'status'; status: StatusMark };

/** One cell: its content, and optionally a background (the risk matrix's colour bands). */
export interface Cell {
  blocks: Block[];
  fill?: string;
  /** Header cells of a row (the risk matrix's likelihood column). */
  header?: boolean;
}

export interface Table {
  /** Names the table for screen readers and the XLSX sheet. */
  caption: string;
  columns: { title: string; /** Relative width. */ width?: number }[];
  rows: Cell[][];
}

export interface ReportDocument {
  /** The report kind, e.g. "control-follow-up". */
  kind: string;
  title: string;
  /** The lines under the title: the unit, the period. */
  subtitle: string[];
  /** The document language, also written into the PDF and DOCX. */
  language: 'sv' | 'en';
  /** Whether a table of contents follows the title. */
  outline: boolean;
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
  /** Words the renderers print around the content ("Innehållsförteckning", "Sida"). */
  labels: { contents: string; page: string };
  /** When the document was generated (ISO timestamp): the PDF's creation date. */
  generatedAt: string;
  /** The tenant's letterhead on every page (the organisation's name and address); absent: none. */
  letterhead?: Letterhead;
  /** A cover page before the report; absent: the report starts with its title. */
  cover?: Cover;
  /** The tenant's footer: its text and "Sida 2 av 5"; absent: the title and the page number. */
  footer?: Footer;
}

/** A logo as the renderers embed it: PNG or JPEG bytes and their size in pixels. */
export interface Logo {
  bytes: Buffer;
  type: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  /** The alternative text (the organisation's name). */
  alt: string;
}

export interface Letterhead {
  /** Lines of text; may be empty when there is only a logo. */
  lines: string[];
  logo?: Logo;
}

export interface Cover {
  title: string;
  /** "Nämnd: …", "Datum: …", "Diarienummer: …", "Handläggare: …": only the lines that have a value. */
  lines: { label: string; value: string }[];
}

export interface Footer {
  /** The tenant's footer text, or null for page numbers only. */
  text: string | null;
  /** The word between the page and the page count ("av"). */
  of: string;
}

/** A paragraph of plain text. */
export function text(value: string, style?: 'label' | 'note'): Block {
  return style
    ? { type: 'paragraph', spans: [{ text: value }], style }
    : { type: 'paragraph', spans: [{ text: value }] };
}

/** A table cell holding plain lines of text, one paragraph per non-empty line. */
export function cell(...lines: (string | null | undefined)[]): Cell {
  return {
    blocks: lines
      .filter((line): line is string => typeof line === 'string' && line.trim() !== '')
      .map((line) => text(line)),
  };
}

/** The whole text of a list of blocks, for the formats that hold text only (an XLSX cell). */
export function plainText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        lines.push(block.text);
        break;
      case 'paragraph':
        lines.push(block.spans.map((span) => span.text).join(''));
        break;
      case 'list':
        block.items.forEach((item, index) => lines.push(`${block.ordered ? `${index + 1}.` : '–'} ${plainText(item)}`));
        break;
      case 'table':
        for (const row of block.table.rows) lines.push(row.map((c) => plainText(c.blocks)).join(' | '));
        break;
      case 'chart':
        lines.push(block.title, ...block.rows.map((row) => `${row.label}: ${formatNumber(row.value)}`));
        break;
      case 'status':
        lines.push(block.status.label);
        break;
    }
  }
  return lines.filter((line) => line !== '').join('\n');
}

/** A number the Swedish way: a decimal comma. */
export function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

/**
 * The document with heading levels that never skip one, first heading level 1: a report built
 * from a tenant's texts and the kind's own headings can go from a level 2 to a level 4, which
 * assistive technology (and PDF/UA) reads as a missing section. Each heading's level becomes
 * its depth among the headings it falls under, in reading order (inside tables and lists too).
 * A heading without text is left out.
 */
export function withConsecutiveHeadings(document: ReportDocument): ReportDocument {
  const open: number[] = [];
  const visit = (blocks: readonly Block[]): Block[] =>
    blocks
      // A heading without words announces nothing (and PDF/UA forbids it): it is left out.
      .filter((block) => block.type !== 'heading' || block.text.trim() !== '')
      .map((block): Block => {
        switch (block.type) {
          case 'heading': {
            while (open.length > 0 && open[open.length - 1]! >= block.level) open.pop();
            open.push(block.level);
            return { ...block, level: open.length as 1 | 2 | 3 | 4 };
          }
          case 'list':
            return { ...block, items: block.items.map(visit) };
          case 'table':
            return {
              ...block,
              table: {
                ...block.table,
                rows: block.table.rows.map((row) => row.map((cell) => ({ ...cell, blocks: visit(cell.blocks) }))),
              },
            };
          default:
            return block;
        }
      });
  return { ...document, blocks: visit(document.blocks) };
}
