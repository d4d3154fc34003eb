import type { Block, Cell, ReportDocument, Span } from './document.ts';
import { formatNumber, plainText } from './document.ts';

/** The report as Markdown (CommonMark with tables): for wikis, e-mail and version control. */
export function renderMarkdown(document: ReportDocument): string {
  const lines = [
    `# ${document.title}`,
    '',
    ...document.subtitle.flatMap((line) => [line, '']),
    blocksMarkdown(document.blocks),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function blocksMarkdown(blocks: readonly Block[]): string {
  return blocks.map(blockMarkdown).join('\n\n');
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, block.level + 1))} ${escapeText(block.text)}`;
    case 'paragraph': {
      const body = spansMarkdown(block.spans);
      return block.style === 'label' ? `**${body}**` : block.style === 'note' ? `*${body}*` : body;
    }
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${index + 1}.` : '-';
          const [first = '', ...rest] = blocksMarkdown(item).split('\n');
          return [
            `${marker} ${first}`,
            ...rest.map((line) => (line === '' ? '' : `${' '.repeat(marker.length + 1)}${line}`)),
          ].join('\n');
        })
        .join('\n');
    case 'table': {
      const { table } = block;
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      return [
        `*${escapeCell(table.caption)}*`,
        '',
        row(table.columns.map((column) => escapeCell(column.title))),
        row(table.columns.map(() => '---')),
        ...table.rows.map((cells) => row(cells.map(cellMarkdown))),
      ].join('\n');
    }
    case 'chart':
      return [
        `**${escapeText(block.title)}**`,
        '',
        '| | |',
        '| --- | ---: |',
        ...block.rows.map((row) => `| ${escapeCell(row.label)} | ${formatNumber(row.value)} |`),
      ].join('\n');
    case 'status':
      return escapeText(block.status.label);
  }
}

function cellMarkdown(cell: Cell): string {
  return escapeCell(plainText(cell.blocks)).replace(/\n/g, '<br>');
}

function escapeCell(value: string): string {
  return escapeText(value).replace(/\|/g, '\\|');
}

/**
 * Text as Markdown that means only itself: emphasis, code, links, raw HTML and headings are
 * escaped, and so is a list marker at the start of a line.
 */
function escapeText(value: string): string {
  return value
    .replace(/([\\`*_[\]<>#])/g, '\\$1')
    .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*\d+)([.)])(\s)/gm, '$1\\$2$3');
}

function spansMarkdown(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      let body = escapeText(span.text).replace(/\n/g, '  \n');
      if (span.bold) body = `**${body}**`;
      if (span.italic) body = `*${body}*`;
      if (span.href) body = `[${body}](${span.href})`;
      return body;
    })
    .join('');
}
