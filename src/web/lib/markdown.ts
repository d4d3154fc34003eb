import MarkdownIt from 'markdown-it';
import { parseChartBlock } from '../../domain/chart-block.ts';

// Long texts (genomförda åtgärder, uppföljning, analys) are stored as Markdown and turned into
// HTML here, on every render. Raw HTML in the text is shown as text, never run, and links may
// only go to http(s) and mail addresses: what users wrote cannot inject anything into the page.

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
const escape = (text: string) => markdown.utils.escapeHtml(text);

const SAFE_LINK = /^(https?:|mailto:|\/|#)/i;
markdown.validateLink = (url) => SAFE_LINK.test(url.trim());

// Links from users' texts open as ordinary links but tell the browser not to pass on who sent them.
const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Tables get the same scrolling region as the application's own, so they reflow at 320 px.
markdown.renderer.rules.table_open = (_tokens, _idx, _options, env) =>
  `<div class="table-scroll" tabindex="0" role="region" aria-label="${escape((env as unknown as RenderEnv).labels.table)}"><table class="table">`;
markdown.renderer.rules.table_close = () => '</table></div>';

const defaultFence = markdown.renderer.rules.fence!;
markdown.renderer.rules.fence = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  if (token.info.trim() !== 'chart') return defaultFence(tokens, idx, options, env, self);
  return renderChart(token.content, (env as unknown as RenderEnv).labels);
};

export interface MarkdownLabels {
  /** Names a table's scrolling region. */
  table: string;
  /** Names the table of a chart, e.g. "Svar" / "Answers". */
  answers: string;
  count: string;
  invalid: (line: number, message: string) => string;
}

interface RenderEnv {
  labels: MarkdownLabels;
}

/**
 * A survey chart: a table of the answers and their numbers (what screen readers read and what
 * a printout keeps) with a bar beside each number, drawn to scale against the largest.
 */
function renderChart(source: string, labels: MarkdownLabels): string {
  const parsed = parseChartBlock(source);
  if (!parsed.ok)
    return `<p class="notice notice-error">${escape(labels.invalid(parsed.line, parsed.message))}</p><pre>${escape(source)}</pre>`;
  const { title, rows } = parsed.chart;
  const largest = Math.max(...rows.map((row) => row.value), 1);
  const body = rows
    .map((row) => {
      const width = Math.round((row.value / largest) * 100);
      return `<tr><th scope="row">${escape(row.label)}</th><td><span class="chart-value">${escape(String(row.value).replace('.', ','))}</span><span class="chart-bar" aria-hidden="true" style="width:${width}%"></span></td></tr>`;
    })
    .join('');
  const caption = title ? escape(title) : escape(labels.answers);
  return `<figure class="chart"><table class="chart-table"><caption>${caption}</caption><thead><tr><th scope="col">${escape(labels.answers)}</th><th scope="col">${escape(labels.count)}</th></tr></thead><tbody>${body}</tbody></table></figure>`;
}

/** The HTML of a Markdown text, safe to put into the page. */
export function renderMarkdown(text: string, labels: MarkdownLabels): string {
  return markdown.render(text, { labels } satisfies RenderEnv);
}
