import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

// How much of a seed document a generated report reproduces. Used by the fidelity tests; kept
// apart from them so the measure itself is tested and documented.

/** Joins every run of whitespace (and the soft hyphen PDFs may carry) into one space. */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(/[\s\u00a0\u2060\u200b]+/g, ' ')
    .trim();
}

/**
 * The content lines of a seed: whitespace-normalised, without the converter's markers
 * ([image: …], [bookmark: …], the "[More Details](#)" stand-in for a lost chart), without a
 * leading list marker ("-", "·", "1.", "3.2."; Word writes numbered lists' numbers as
 * numbering, not text), and without page numbers (a line of only a number, or the page number
 * and dot leaders ending a table-of-contents line).
 */
export function seedContentLines(seed: string): string[] {
  return seed
    .split('\n')
    .map((line) =>
      normaliseWhitespace(
        line
          .replace(/\[(image|bookmark):[^\]]*\]/g, ' ')
          .replace(/\[More Details\]\(#\)/g, ' ')
          .replace(/(\.{2,}|\t)\s*\d*\s*$/, ' '),
      ),
    )
    .map((line) => line.replace(/^([-·•●]|\d+(\.\d+)*\.?)\s+/, ''))
    .filter((line) => line !== '' && !/^\d+$/.test(line));
}

/**
 * The share (0–1) of the seed's content lines found in the report's text, and the lines missed.
 * Letter case is not compared: the seeds write the same label both ways ("1. Uppdrag/Aktivitet",
 * "3. Uppdrag/aktivitet").
 */
export function seedCoverage(seed: string, reportText: string): { share: number; total: number; missing: string[] } {
  const haystack = normaliseWhitespace(reportText).toLocaleLowerCase('sv');
  const lines = seedContentLines(seed);
  const missing = lines.filter((line) => !haystack.includes(line.toLocaleLowerCase('sv')));
  return {
    share: lines.length === 0 ? 1 : (lines.length - missing.length) / lines.length,
    total: lines.length,
    missing,
  };
}

/**
 * A PDF's text without its running footer ("<title> Sida 3"), which pdftotext puts wherever a
 * page ends, even in the middle of a paragraph that goes on over the page break.
 */
export function withoutRunningFooter(text: string, title: string, pageLabel: string): string {
  const escaped = `${title} ${pageLabel}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  // Glued to a letter, the footer fell inside a word hyphenated over the page break ("ut-|rymme").
  return text
    .replace(new RegExp(`(?<=\\p{L})${escaped}\\s+\\d+\\s*`, 'gu'), '')
    .replace(new RegExp(`${escaped}\\s+\\d+`, 'g'), ' ');
}

/** The text of a DOCX: its body's paragraphs, one per line, table cells in order. */
export function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' });
  const xml = strFromU8(files['word/document.xml']!);
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of a PDF as poppler's pdftotext reads it, in content order. */
export function pdfText(bytes: Uint8Array): string {
  const folder = mkdtempSync(join(tmpdir(), 'uppsikt-pdf-'));
  try {
    const file = join(folder, 'report.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    // A word hyphenated at a line's end carries a soft hyphen (U+00AD) there: it is whole again
    // without it. A line that ends in a real hyphen broke after the hyphen of a compound
    // ("VFU-|studenter"): the word is whole again without the break; before a conjunction it was
    // the first half of a pair ("betygs- och provbetygsstatistik") and the space stays.
    return text
      .replace(/\u00ad\n/g, '')
      .replace(/(\p{L})-\n(?=(och|eller|samt|respektive|som) )/gu, '$1- ')
      .replace(/(\p{L})-\n(?=\p{L})/gu, '$1-');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
