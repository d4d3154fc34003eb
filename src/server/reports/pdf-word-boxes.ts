import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The words of a PDF's pages with their boxes, as poppler reads them: measures whether a table
// header runs into the next one or a word spills out of its cell and off the text area. Used by
// the layout tests; kept apart from them so the same measure checks the demo reports too.

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of a PDF with its box, in points, and each page's width. */
export function wordBoxes(bytes: Uint8Array): { words: Word[]; pageWidths: number[] } {
  const folder = mkdtempSync(join(tmpdir(), 'uppsikt-bbox-'));
  try {
    writeFileSync(join(folder, 'r.pdf'), bytes);
    const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', join(folder, 'r.pdf'), '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const words: Word[] = [];
    const pageWidths: number[] = [];
    for (const [index, page] of html.split('<page ').slice(1).entries()) {
      pageWidths.push(Number(/width="([\d.]+)"/.exec(page)![1]));
      for (const match of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        words.push({
          page: index + 1,
          text: match[5]!,
          xMin: Number(match[1]),
          yMin: Number(match[2]),
          xMax: Number(match[3]),
          yMax: Number(match[4]),
        });
      }
    }
    return { words, pageWidths };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Words side by side on one line whose boxes overlap: one runs into the other. */
export function overlappingWords(words: readonly Word[]): string[] {
  const found: string[] = [];
  for (const [i, a] of words.entries()) {
    for (const b of words.slice(i + 1)) {
      if (a.page !== b.page) continue;
      const sameLine =
        Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      const overlap = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      if (sameLine && overlap > 0.5) found.push(`"${a.text}" and "${b.text}" on page ${a.page}`);
    }
  }
  return found;
}

/** 1.8 cm, the side margins of the reports' pages. */
const MARGIN = (1.8 / 2.54) * 72;

/** Words that reach into the side margins (a word wider than its cell spills there). */
export function wordsOffTextArea(boxes: { words: readonly Word[]; pageWidths: readonly number[] }): string[] {
  return boxes.words
    .filter((word) => word.xMin < MARGIN - 1 || word.xMax > boxes.pageWidths[word.page - 1]! - MARGIN + 1)
    .map((word) => `"${word.text}" on page ${word.page}`);
}
