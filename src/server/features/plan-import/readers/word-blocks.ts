/**
 * The blocks of a Word document as mammoth's HTML gives them: headings, paragraphs with their
 * emphasis, lists (nested), tables and images (by their alternative text). mammoth writes a
 * small, well-formed subset of HTML, so a tokenizer reads it; no browser-grade parser is needed.
 */

/** A run of text with its emphasis. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

export type DocBlock =
  | { type: 'heading'; level: number; runs: Run[]; text: string }
  /** `title`: Word's Title or Subtitle style. */
  | { type: 'paragraph'; runs: Run[]; text: string; style?: 'title' | 'subtitle' }
  | { type: 'list'; ordered: boolean; items: DocBlock[][] }
  | { type: 'table'; head: DocBlock[][] | null; rows: DocBlock[][][] }
  | { type: 'image'; alt: string };

interface Element {
  tag: string;
  attributes: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

const VOID = new Set(['img', 'br', 'hr']);

/** The blocks of mammoth's HTML. */
export function htmlBlocks(html: string): DocBlock[] {
  return blocksOf(parseHtml(html).children);
}

/** A tree of elements and texts. Unclosed elements are closed by their parent's end. */
function parseHtml(html: string): Element {
  const root: Element = { tag: 'root', attributes: {}, children: [] };
  const stack: Element[] = [root];
  const tag =
    /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|<!--[\s\S]*?-->/g;
  let at = 0;
  for (const match of html.matchAll(tag)) {
    const top = stack.at(-1)!;
    if (match.index > at) top.children.push(decodeEntities(html.slice(at, match.index)));
    at = match.index + match[0].length;
    if (match[0].startsWith('<!--')) continue;
    const [, closing, rawName, rawAttributes, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (closing) {
      const index = stack.map((element) => element.tag).lastIndexOf(name);
      if (index > 0) stack.length = index;
      continue;
    }
    const element: Element = { tag: name, attributes: attributesOf(rawAttributes ?? ''), children: [] };
    top.children.push(element);
    if (!selfClosing && !VOID.has(name)) stack.push(element);
  }
  if (at < html.length) stack.at(-1)!.children.push(decodeEntities(html.slice(at)));
  return root;
}

function attributesOf(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attributes[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'li', 'div']);

function blocksOf(nodes: readonly Node[]): DocBlock[] {
  const blocks: DocBlock[] = [];
  // Inline content outside a paragraph (a list item's text) is a paragraph of its own.
  let loose: Node[] = [];
  const flush = () => {
    if (loose.length === 0) return;
    const block = paragraph(loose);
    if (block) blocks.push(block);
    loose = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string' || !BLOCK_TAGS.has(node.tag)) {
      // An image standing alone (a chart's bar, a picture) is kept by its alternative text.
      if (typeof node !== 'string' && node.tag === 'img' && loose.every((n) => typeof n === 'string' && !n.trim())) {
        blocks.push({ type: 'image', alt: node.attributes.alt ?? '' });
        loose = [];
        continue;
      }
      loose.push(node);
      continue;
    }
    flush();
    switch (node.tag) {
      case 'p': {
        const images = imagesOnly(node);
        if (images) {
          blocks.push(...images);
          break;
        }
        const block = paragraph(node.children);
        if (!block) break;
        const className = node.attributes.class ?? '';
        if (/\bdoc-title\b/.test(className)) block.style = 'title';
        else if (/\bdoc-subtitle\b/.test(className)) block.style = 'subtitle';
        blocks.push(block);
        break;
      }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const runs = runsOf(node.children);
        const text = joinRuns(runs).trim();
        if (text) blocks.push({ type: 'heading', level: Number(node.tag.slice(1)), runs, text });
        break;
      }
      case 'ul':
      case 'ol':
        blocks.push({
          type: 'list',
          ordered: node.tag === 'ol',
          items: node.children
            .filter((child): child is Element => typeof child !== 'string' && child.tag === 'li')
            .map((item) => blocksOf(item.children)),
        });
        break;
      case 'table':
        blocks.push(table(node));
        break;
      default:
        blocks.push(...blocksOf(node.children));
    }
  }
  flush();
  return blocks;
}

/** The images of a paragraph that holds nothing else, or null. */
function imagesOnly(element: Element): DocBlock[] | null {
  const images: DocBlock[] = [];
  const walk = (nodes: readonly Node[]): boolean =>
    nodes.every((node) => {
      if (typeof node === 'string') return node.trim() === '';
      if (node.tag === 'img') {
        images.push({ type: 'image', alt: node.attributes.alt ?? '' });
        return true;
      }
      return walk(node.children);
    });
  return walk(element.children) && images.length > 0 ? images : null;
}

function table(element: Element): DocBlock {
  let head: DocBlock[][] | null = null;
  const rows: DocBlock[][][] = [];
  const visit = (nodes: readonly Node[], inHead: boolean) => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      if (node.tag === 'thead') visit(node.children, true);
      else if (node.tag === 'tbody' || node.tag === 'tfoot') visit(node.children, false);
      else if (node.tag === 'tr') {
        const cells = node.children
          .filter((child): child is Element => typeof child !== 'string' && (child.tag === 'td' || child.tag === 'th'))
          .map((cell) => blocksOf(cell.children));
        if (inHead && head === null) head = cells;
        else rows.push(cells);
      }
    }
  };
  visit(element.children, false);
  return { type: 'table', head, rows };
}

function paragraph(nodes: readonly Node[]): (DocBlock & { type: 'paragraph' }) | null {
  const runs = runsOf(nodes);
  const text = joinRuns(runs);
  if (text.trim() === '') return null;
  return { type: 'paragraph', runs: trimRuns(runs), text: text.replace(/\s+/g, ' ').trim() };
}

function runsOf(nodes: readonly Node[], style: Omit<Run, 'text'> = {}): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      push(runs, { text: node.replace(/[\t\r\n]+/g, ' '), ...style });
      continue;
    }
    switch (node.tag) {
      case 'strong':
      case 'b':
        runs.push(...runsOf(node.children, { ...style, bold: true }));
        break;
      case 'em':
      case 'i':
        runs.push(...runsOf(node.children, { ...style, italic: true }));
        break;
      case 'a': {
        const href = node.attributes.href;
        runs.push(...runsOf(node.children, href && !href.startsWith('#') ? { ...style, href } : style));
        break;
      }
      case 'br':
        push(runs, { text: '\n', ...style });
        break;
      case 'img':
        break;
      default:
        runs.push(...runsOf(node.children, style));
    }
  }
  return merge(runs);
}

function push(runs: Run[], run: Run): void {
  if (run.text !== '') runs.push(run);
}

/** Adjacent runs of the same look become one. */
function merge(runs: readonly Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && !last.bold === !run.bold && !last.italic === !run.italic && last.href === run.href)
      last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

function trimRuns(runs: Run[]): Run[] {
  const trimmed = runs.map((run) => ({ ...run, text: run.text.replace(/ {2,}/g, ' ') }));
  if (trimmed[0]) trimmed[0].text = trimmed[0].text.replace(/^\s+/, '');
  const last = trimmed.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, '');
  return trimmed.filter((run) => run.text !== '');
}

export function joinRuns(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

/** The plain text of blocks, one line per paragraph. */
export function blocksText(blocks: readonly DocBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
        case 'paragraph':
          return block.text;
        case 'list':
          return block.items.map((item) => blocksText(item)).join('\n');
        case 'table':
          return [...(block.head ? [block.head] : []), ...block.rows]
            .map((row) => row.map((cell) => blocksText(cell)).join(' | '))
            .join('\n');
        case 'image':
          return '';
      }
    })
    .filter((line) => line !== '')
    .join('\n');
}
