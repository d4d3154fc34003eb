import { plainText, type Table } from './document.ts';

// How wide each column of a report table is drawn, for the formats that lay out pages (PDF,
// DOCX). Fixed proportions gave a one-word header such as "Sannolikhet" less room than the word
// takes, so headers ran into each other; a column of numbers, dates or statuses is now as wide
// as its content and the text columns share the rest.

/** A column whose every line (header included) is at most this long holds numbers, dates, statuses or a short label. */
const NARROW_LINE = 16;
/** A column with a line this long holds running text, which can take the width the narrow columns leave. */
const RUNNING_TEXT_LINE = 30;

export type ColumnSize = { fit: 'content'; characters: number } | { fit: 'share'; weight: number };

/**
 * The size of each column: `content` (as wide as its longest line) for a narrow column, `share`
 * (the kind's relative width of what is left) for the others. A table without a running-text
 * column keeps the kind's proportions (the risk matrix's even cells).
 */
export function columnSizes(table: Table): ColumnSize[] {
  const longest = table.columns.map((column, index) =>
    Math.max(
      longestLine(column.title),
      ...table.rows.map((row) => {
        const cell = row[index];
        return cell ? longestLine(plainText(cell.blocks)) : 0;
      }),
    ),
  );
  const hasRunningText = longest.some((length) => length >= RUNNING_TEXT_LINE);
  return table.columns.map((column, index) =>
    hasRunningText && longest[index]! <= NARROW_LINE
      ? { fit: 'content', characters: longest[index]! }
      : { fit: 'share', weight: column.width ?? 1 },
  );
}

/**
 * Relative widths for a format that needs numbers (DOCX): a narrow column gets about what its
 * characters take, the others share the rest of `total` in proportion.
 */
export function relativeWidths(table: Table, total: number, perCharacter: number, padding: number): number[] {
  const sizes = columnSizes(table);
  const fixed = sizes.reduce(
    (sum, size) => sum + (size.fit === 'content' ? size.characters * perCharacter + padding : 0),
    0,
  );
  const shares = sizes.reduce((sum, size) => sum + (size.fit === 'share' ? size.weight : 0), 0);
  // Narrow columns that would leave the text columns less than half the width keep the proportions.
  if (shares === 0 || fixed > total / 2) {
    const weights = table.columns.map((column) => column.width ?? 1);
    const sum = weights.reduce((a, b) => a + b, 0);
    return weights.map((weight) => Math.round((weight / sum) * total));
  }
  return sizes.map((size) =>
    Math.round(
      size.fit === 'content' ? size.characters * perCharacter + padding : ((total - fixed) * size.weight) / shares,
    ),
  );
}

function longestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => line.trim().length));
}
