import type { Block, Cell, Logo, ReportDocument, Span } from './document.ts';
import { formatNumber } from './document.ts';

// The preview in the web application and the HTML download: one self-contained, accessible
// page (real headings, tables with captions and header cells, the chart's numbers as text).

const STYLE = `
body{font-family:"Liberation Sans",Arial,sans-serif;color:#1a1a1a;margin:0;line-height:1.45}
main{max-width:60rem;margin:0 auto;padding:1rem}
main.landscape{max-width:90rem}
h1,h2,h3,h4,h5{line-height:1.25;margin:1.2em 0 .4em}
.subtitle{margin:0;color:#333}
.label{font-weight:bold;margin-bottom:.2em}
.note{color:#333;font-style:italic}
.table-scroll{overflow-x:auto;margin:.6em 0}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border:1px solid #767676;padding:.3em .4em;vertical-align:top;text-align:left}
th{background:#f0f0f0}
td p,th p{margin:.1em 0 .3em}
.status{display:inline-flex;align-items:center;gap:.35em;white-space:nowrap}
.status-dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;border:1px solid #1a1a1a}
.bar{display:block;height:.8em;background:#1d4ed8}
.bar-cell{width:40%}
.number{text-align:right;white-space:nowrap}
figure{margin:.6em 0}
td,th{overflow-wrap:break-word}
nav ol{padding-left:1.2em}
@media (max-width:40rem){main{padding:.5rem}}
.letterhead{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;max-width:60rem;margin:0 auto;padding:1rem 1rem .5rem;border-bottom:1px solid #767676}
.letterhead img{max-height:4rem;max-width:100%;height:auto;width:auto}
.letterhead p{margin:0 0 0 auto;text-align:right}
.cover{min-height:18rem;border-bottom:2px solid #1a1a1a;margin-bottom:1.5rem;padding:2rem 0 1rem}
.cover-title{font-size:2rem;font-weight:bold;line-height:1.2;margin:0 0 1.5rem;overflow-wrap:break-word;hyphens:auto}
.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}
.cover dt{font-weight:bold}
.cover dd{margin:0;min-width:0;overflow-wrap:anywhere}
.letterhead p{overflow-wrap:anywhere}
@media (max-width:30rem){.cover dl{grid-template-columns:1fr}.cover dd{margin-bottom:.4rem}}
.page-footer{max-width:60rem;margin:2rem auto 0;padding:.5rem 1rem;border-top:1px solid #767676;color:#333}
`;

export function renderHtml(document: ReportDocument): string {
  const headings = collectHeadings(document.blocks);
  const toc =
    document.outline && headings.length > 0
      ? `<nav aria-labelledby="toc-title"><h2 id="toc-title">${escape(document.labels.contents)}</h2><ol>${headings
          .map(
            (heading) => `<li class="toc-${heading.level}"><a href="#${heading.id}">${escape(heading.text)}</a></li>`,
          )
          .join('')}</ol></nav>`
      : '';
  const counter = { next: 0 };
  return `<!doctype html>
<html lang="${document.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(document.title)}</title><style>${STYLE}</style></head>
<body>${letterheadHtml(document)}<main${document.orientation === 'landscape' ? ' class="landscape"' : ''}>${coverHtml(document)}<header><h1>${escape(document.title)}</h1>${document.subtitle.map((line) => `<p class="subtitle">${escape(line)}</p>`).join('')}</header>${toc}${blocksHtml(document.blocks, counter)}</main>${footerHtml(document)}</body>
</html>`;
}

function letterheadHtml(document: ReportDocument): string {
  if (!document.letterhead) return '';
  const { lines, logo } = document.letterhead;
  return `<header class="letterhead">${logo ? logoHtml(logo) : ''}${lines.length > 0 ? `<p>${lines.map(escape).join('<br>')}</p>` : ''}</header>`;
}

function logoHtml(logo: Logo): string {
  return `<img src="data:${logo.type};base64,${logo.bytes.toString('base64')}" alt="${escape(logo.alt)}" width="${logo.width}" height="${logo.height}">`;
}

function coverHtml(document: ReportDocument): string {
  if (!document.cover) return '';
  const { title, lines } = document.cover;
  return `<section class="cover" aria-label="${escape(title)}"><p class="cover-title">${escape(title)}</p><dl>${lines
    .map((line) => `<dt>${escape(line.label)}</dt><dd>${escape(line.value)}</dd>`)
    .join('')}</dl></section>`;
}

/** A page has no page numbers: the footer's text, when the template has one. */
function footerHtml(document: ReportDocument): string {
  return document.footer?.text ? `<footer class="page-footer"><p>${escape(document.footer.text)}</p></footer>` : '';
}

function collectHeadings(blocks: readonly Block[]): { id: string; text: string; level: number }[] {
  const result: { id: string; text: string; level: number }[] = [];
  let index = 0;
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    const id = `h${index++}`;
    if (block.outline !== false) result.push({ id, text: block.text, level: block.level });
  }
  return result;
}

function blocksHtml(blocks: readonly Block[], counter: { next: number } | null): string {
  return blocks.map((block) => blockHtml(block, counter)).join('\n');
}

function blockHtml(block: Block, counter: { next: number } | null): string {
  switch (block.type) {
    case 'heading': {
      const tag = `h${Math.min(6, block.level + 1)}`;
      const id = counter ? ` id="h${counter.next++}"` : '';
      return `<${tag}${id}>${escape(block.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p${block.style ? ` class="${block.style}"` : ''}>${spansHtml(block.spans)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${blocksHtml(item, null)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const { table } = block;
      const head = `<thead><tr>${table.columns.map((column) => `<th scope="col">${escape(column.title)}</th>`).join('')}</tr></thead>`;
      const body = table.rows.map((row) => `<tr>${row.map(cellHtml).join('')}</tr>`).join('');
      return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escape(table.caption)}"><table><caption>${escape(table.caption)}</caption>${head}<tbody>${body}</tbody></table></div>`;
    }
    case 'chart': {
      const largest = Math.max(1, ...block.rows.map((row) => row.value));
      const rows = block.rows
        .map(
          (row) =>
            `<tr><th scope="row">${escape(row.label)}</th><td class="number">${escape(formatNumber(row.value))}</td><td class="bar-cell"><span class="bar" aria-hidden="true" style="width:${Math.round((row.value / largest) * 100)}%"></span></td></tr>`,
        )
        .join('');
      return `<figure><table><caption>${escape(block.title)}</caption><tbody>${rows}</tbody></table></figure>`;
    }
    case 'status':
      return `<p><span class="status"><span class="status-dot" aria-hidden="true" style="background:${safeColour(block.status.colour)}"></span>${escape(block.status.label)}</span></p>`;
  }
}

function cellHtml(cell: Cell): string {
  const tag = cell.header ? 'th' : 'td';
  const scope = cell.header ? ' scope="row"' : '';
  const fill = cell.fill ? ` style="background:${safeColour(cell.fill)}"` : '';
  return `<${tag}${scope}${fill}>${blocksHtml(cell.blocks, null)}</${tag}>`;
}

function spansHtml(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      let html = escape(span.text).replace(/\n/g, '<br>');
      if (span.bold) html = `<strong>${html}</strong>`;
      if (span.italic) html = `<em>${html}</em>`;
      if (span.href) html = `<a href="${escape(span.href)}" rel="noopener noreferrer">${html}</a>`;
      return html;
    })
    .join('');
}

/** Colours come from the tenant's settings; only a plain hex colour reaches a style attribute. */
export function safeColour(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#ffffff';
}

function escape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
