import type { DocBlock, Run } from './word-blocks.ts';
import { blocksText, joinRuns } from './word-blocks.ts';

/**
 * A long text of a Word document as the Markdown Uppsikt stores: headings (their depth kept,
 * the shallowest becoming "##"), paragraphs with bold and italic, nested lists, tables as pipe
 * tables, and the survey charts Uppsikt prints (a bold title over rows of label, number and a
 * bar whose alternative text is "label: number") as ```chart blocks again.
 */
export function blocksMarkdown(blocks: readonly DocBlock[]): string {
  const levels = blocks.flatMap((block) => (block.type === 'heading' ? [block.level] : []));
  const shallowest = levels.length > 0 ? Math.min(...levels) : 2;
  return render(blocks, (level) => Math.min(6, 2 + level - shallowest)).trim();
}

function render(blocks: readonly DocBlock[], depth: (level: number) => number): string {
  const parts: string[] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    const next = blocks[index + 1];
    // A chart: its title paragraph, then its table.
    if (block.type === 'paragraph' && next?.type === 'table') {
      const chart = chartOf(next, block.text);
      if (chart) {
        parts.push(chart);
        index += 1;
        continue;
      }
    }
    switch (block.type) {
      case 'heading':
        parts.push(`${'#'.repeat(depth(block.level))} ${inline(block.runs)}`);
        break;
      case 'paragraph':
        parts.push(escapeLineStart(inline(block.runs)));
        break;
      case 'list':
        parts.push(list(block, depth));
        break;
      case 'table':
        parts.push(chartOf(block, '') ?? pipeTable(block));
        break;
      case 'image':
        break;
    }
  }
  return parts.filter((part) => part !== '').join('\n\n');
}

function list(block: DocBlock & { type: 'list' }, depth: (level: number) => number): string {
  return block.items
    .map((item, index) => {
      const marker = block.ordered ? `${index + 1}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      // The item's first paragraph follows the marker; nested lists and further paragraphs are indented under it.
      const [first, ...rest] = item;
      const head = first && first.type === 'paragraph' ? escapeLineStart(inline(first.runs)) : '';
      const tail = first && first.type === 'paragraph' ? rest : item;
      const lines = [`${marker}${head}`];
      for (const inner of tail) {
        const text = render([inner], depth);
        if (text === '') continue;
        const indented = text
          .split('\n')
          .map((line) => (line === '' ? '' : indent + line))
          .join('\n');
        lines.push(inner.type === 'list' ? indented : `\n${indented}`);
      }
      return lines.join('\n');
    })
    .join('\n');
}

/**
 * A chart as Uppsikt draws it: a table of three columns and no heading row whose every row has
 * a label, a number and a bar image described "label: number". Null for any other table.
 */
function chartOf(block: DocBlock & { type: 'table' }, title: string): string | null {
  if (block.head !== null || block.rows.length === 0) return null;
  const rows: string[] = [];
  for (const row of block.rows) {
    if (row.length !== 3) return null;
    const label = blocksText(row[0]!);
    const value = blocksText(row[1]!);
    const bar = row[2]!;
    if (!/^\d+(?:[.,]\d+)?$/.test(value) || !bar.every((inner) => inner.type === 'image')) return null;
    if (!bar.some((inner) => inner.type === 'image' && inner.alt === `${label}: ${value}`)) return null;
    rows.push(`${label} | ${value}`);
  }
  return ['```chart', ...(title ? [`title: ${title}`] : []), ...rows, '```'].join('\n');
}

/** Whether a paragraph and the table after it are a chart (the paragraph being its title). */
export function isChart(title: DocBlock | undefined, table: DocBlock | undefined): boolean {
  return title?.type === 'paragraph' && table?.type === 'table' && chartOf(table, title.text) !== null;
}

function pipeTable(block: DocBlock & { type: 'table' }): string {
  const cellText = (cell: DocBlock[]) =>
    cell
      .map((inner) =>
        inner.type === 'paragraph' || inner.type === 'heading' ? inline(inner.runs) : blocksText([inner]),
      )
      .filter((text) => text !== '')
      .join(' ')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ');
  const rows = block.rows.map((row) => row.map(cellText));
  const head = block.head ? block.head.map((cell) => blocksText(cell).replace(/\|/g, '\\|')) : null;
  const width = Math.max(head?.length ?? 0, ...rows.map((row) => row.length), 1);
  const pad = (row: string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  const line = (row: string[]) => `| ${pad(row).join(' | ')} |`;
  return [line(head ?? Array<string>(width).fill('')), line(Array<string>(width).fill('---')), ...rows.map(line)].join(
    '\n',
  );
}

/** Runs as inline Markdown: **bold**, *italic*, [links](…); Markdown's own signs escaped. */
export function inline(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      const text = escapeInline(run.text).replace(/\n/g, '\\\n');
      const core = text.trim();
      if (core === '') return text;
      const lead = text.slice(0, text.indexOf(core));
      const trail = text.slice(text.indexOf(core) + core.length);
      let marked = core;
      if (run.italic) marked = `*${marked}*`;
      if (run.bold) marked = `**${marked}**`;
      if (run.href && /^(https?:|mailto:)/i.test(run.href)) marked = `[${marked}](${run.href})`;
      return `${lead}${marked}${trail}`;
    })
    .join('');
}

function escapeInline(text: string): string {
  return text.replace(/([\\`*_])/g, '\\$1');
}

/** A paragraph that would read as a heading, list item, quotation or rule is escaped. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^(\d+)([.)])(\s)/, '$1\\$2$3')
    .replace(/^([-+])(\s)/, '\\$1$2')
    .replace(/^(#{1,6})(\s|$)/, '\\$1$2')
    .replace(/^>/, '\\>');
}

/** The plain text of runs, for a title or a label. */
export function runsText(runs: readonly Run[]): string {
  return joinRuns(runs).replace(/\s+/g, ' ').trim();
}
