import MarkdownIt from 'markdown-it';
import { parseChartBlock } from '../../domain/chart-block.ts';
import type { Block, Cell, Span } from './document.ts';

// Rich text is stored as Markdown. For a report it becomes document blocks, so that every
// format draws it with its own real structures (Word headings and lists, Typst tables) rather
// than pasted HTML. Raw HTML stays text, as on the screens.

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
type Token = ReturnType<typeof markdown.parse>[number];
const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * The blocks of a Markdown text. Its headings start at `headingLevel` (a "## Kartläggning"
 * inside an action becomes a level-`headingLevel` heading) and stay out of the table of contents.
 */
export function markdownBlocks(source: string | null | undefined, headingLevel: 2 | 3 | 4 = 4): Block[] {
  // Blank text parses to no tokens at all.
  if (!source) return [];
  const tokens = markdown.parse(source, {});
  const state = { tokens, index: 0, headingLevel };
  return readBlocks(state, null);
}

interface ParseState {
  tokens: Token[];
  index: number;
  headingLevel: number;
}

/** Reads blocks until the closing token `until` (or the end). */
function readBlocks(state: ParseState, until: string | null): Block[] {
  const blocks: Block[] = [];
  while (state.index < state.tokens.length) {
    const token = state.tokens[state.index]!;
    if (token.type === until) {
      // Stryker disable next-line AssignmentOperator: equivalent, the closing tokens of what was read carry no content and are passed by either way
      state.index += 1;
      return blocks;
    }
    state.index += 1;
    switch (token.type) {
      case 'heading_open': {
        const inline = state.tokens[state.index]!;
        state.index += 2;
        const depth = Number(token.tag.slice(1)) - 2;
        const level = Math.min(4, Math.max(1, state.headingLevel + Math.max(0, depth))) as 1 | 2 | 3 | 4;
        blocks.push({
          type: 'heading',
          level,
          text: spansOf(inline)
            .map((span) => span.text)
            .join(''),
          outline: false,
        });
        break;
      }
      case 'paragraph_open': {
        const inline = state.tokens[state.index]!;
        state.index += 2;
        const spans = spansOf(inline);
        if (spans.length > 0) blocks.push({ type: 'paragraph', spans });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        // A list's tokens are its items, one after another, then the list's closing token.
        const items: Block[][] = [];
        while (state.tokens[state.index]?.type === 'list_item_open') {
          state.index += 1;
          items.push(readBlocks(state, 'list_item_close'));
        }
        // Stryker disable next-line AssignmentOperator: equivalent, the list's closing token carries no content and is passed by either way
        state.index += 1;
        blocks.push({ type: 'list', ordered: token.type === 'ordered_list_open', items });
        break;
      }
      case 'table_open':
        blocks.push(readTable(state));
        break;
      case 'fence':
      case 'code_block': {
        // An indented code block has no info string; a fence marked "chart" is a chart.
        const chart = token.info.trim() === 'chart' ? parseChartBlock(token.content) : null;
        if (chart?.ok) {
          blocks.push({ type: 'chart', title: chart.chart.title, rows: chart.chart.rows });
        } else {
          for (const line of token.content.replace(/\n$/, '').split('\n'))
            blocks.push({ type: 'paragraph', spans: [{ text: line }], style: 'note' });
        }
        break;
      }
      // Stryker disable next-line ConditionalExpression: equivalent, the default case does nothing
      default:
        // A quotation's own tokens (its content follows as ordinary blocks), hr and the closing
        // tokens of what was read above carry no content.
        break;
    }
  }
  return blocks;
}

function readTable(state: ParseState): Block {
  const columns: { title: string }[] = [];
  const rows: Cell[][] = [];
  let row: Cell[] | null = null;
  // Stryker disable next-line BooleanLiteral: equivalent, a table's first token inside is always its head's
  let inHead = false;
  // Stryker disable next-line EqualityOperator: equivalent, a table always has its closing token
  while (state.index < state.tokens.length) {
    const token = state.tokens[state.index]!;
    state.index += 1;
    if (token.type === 'table_close') break;
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) {
      if (!inHead) rows.push(row);
      row = null;
    } else if (token.type === 'inline') {
      const spans = spansOf(token);
      if (inHead) columns.push({ title: spans.map((span) => span.text).join('') });
      else row?.push({ blocks: spans.length > 0 ? [{ type: 'paragraph', spans }] : [] });
    }
  }
  return { type: 'table', table: { caption: columns.map((column) => column.title).join(', '), columns, rows } };
}

/** The runs of an inline token, with bold, italic and safe links. */
function spansOf(inline: Token): Span[] {
  const spans: Span[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        italic += 1;
        break;
      case 'em_close':
        italic -= 1;
        break;
      case 'link_open': {
        // Stryker disable next-line StringLiteral: equivalent, markdown-it gives every link an href
        const target = String(child.attrGet('href') ?? '');
        href = SAFE_LINK.test(target) ? target : undefined;
        break;
      }
      case 'link_close':
        href = undefined;
        break;
      case 'softbreak':
        push(spans, { text: ' ' });
        break;
      case 'hardbreak':
        push(spans, { text: '\n' });
        break;
      case 'text':
      case 'code_inline':
        push(spans, {
          text: child.content,
          ...(bold > 0 ? { bold: true } : {}),
          ...(italic > 0 ? { italic: true } : {}),
          ...(href ? { href } : {}),
        });
        break;
      default:
        // Stryker disable next-line ConditionalExpression: equivalent, push() leaves out an empty text
        if (child.content) push(spans, { text: child.content });
    }
  }
  return spans;
}

/** Appends a run, merging it into the previous one when they look the same; an empty run is no run. */
function push(spans: Span[], span: Span): void {
  // markdown-it gives empty text around emphasis at the edges ("***both***", "**a**").
  if (span.text === '') return;
  const last = spans.at(-1);
  if (last && last.bold === span.bold && last.italic === span.italic && last.href === span.href) {
    last.text += span.text;
  } else {
    spans.push(span);
  }
}
