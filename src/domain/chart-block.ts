/**
 * Survey results inside rich text. Users write them as a fenced block with the info string
 * `chart`, so the Markdown stays readable and the numbers stay text:
 *
 *     ```chart
 *     title: 3. Upplever ni att det finns behov av fler utbildningar?
 *     Ja, mer utbildning | 12
 *     Nej | 1
 *     ```
 *
 * Renderers draw a bar chart and print the numbers beside it.
 */
export interface ChartBlock {
  title: string;
  rows: { label: string; value: number }[];
}

export type ChartParseResult = { ok: true; chart: ChartBlock } | { ok: false; line: number; message: string };

/** Parses the inside of a ```chart block; `line` in an error counts from 1 within the block. */
export function parseChartBlock(source: string): ChartParseResult {
  let title = '';
  const rows: ChartBlock['rows'] = [];
  const lines = source.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('title:')) {
      title = line.slice('title:'.length).trim();
      continue;
    }
    const separator = line.lastIndexOf('|');
    if (separator === -1) {
      return { ok: false, line: index + 1, message: 'expected "label | number" or "title: …"' };
    }
    const label = line.slice(0, separator).trim();
    const valueText = line
      .slice(separator + 1)
      .trim()
      .replace(',', '.');
    const value = Number(valueText);
    if (label === '') return { ok: false, line: index + 1, message: 'the row has no label' };
    if (valueText === '' || !Number.isFinite(value) || value < 0) {
      return { ok: false, line: index + 1, message: `"${valueText}" is not a number of zero or more` };
    }
    rows.push({ label, value });
  }
  if (rows.length === 0) return { ok: false, line: 1, message: 'a chart needs at least one "label | number" row' };
  return { ok: true, chart: { title, rows } };
}

/** Every ```chart block of a Markdown text, with the raw source of each. */
export function findChartBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /^```chart[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  // Stryker disable next-line StringLiteral: equivalent, the group is not optional, so a match always has match[1] (the fallback only satisfies noUncheckedIndexedAccess)
  for (const match of markdown.matchAll(fence)) blocks.push(match[1] ?? '');
  return blocks;
}
