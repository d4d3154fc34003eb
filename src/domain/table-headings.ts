/**
 * Recognising the columns of a table people made themselves: a heading is known by its words,
 * whatever the case, spacing, punctuation or å/ä/ö ("E-postadress", "e post adress" and
 * "EPOSTADRESS" are the same), and the heading row need not be the first (a title or a date may
 * stand above it).
 */

/** Words reduced to their letters and digits: lower case, å ä ö as a a o, no spaces or signs. */
export function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The headings by which each field is known, in Swedish and English. */
export type HeadingVocabulary<Field extends string> = Readonly<Record<Field, readonly string[]>>;

/** A column of the table and the field it holds; null: a column nobody asked for. */
export interface RecognisedColumn<Field extends string> {
  /** 1-based, as a spreadsheet counts. */
  column: number;
  heading: string;
  field: Field | null;
}

export interface HeaderMatch<Field extends string> {
  /** The heading row's index in the table (0-based). */
  rowIndex: number;
  columns: RecognisedColumn<Field>[];
}

/**
 * The fields of one heading row. A field is held by the first column whose heading is one of its
 * names; a second column of the same name is left out.
 */
export function recogniseColumns<Field extends string>(
  headings: readonly string[],
  vocabulary: HeadingVocabulary<Field>,
): RecognisedColumn<Field>[] {
  const byHeading = new Map<string, Field>();
  for (const [field, names] of Object.entries(vocabulary) as [Field, readonly string[]][])
    for (const name of names) byHeading.set(foldWords(name), field);
  const taken = new Set<Field>();
  return headings.map((heading, index) => {
    const field = byHeading.get(foldWords(heading));
    if (field === undefined || taken.has(field)) return { column: index + 1, heading, field: null };
    taken.add(field);
    return { column: index + 1, heading, field };
  });
}

/**
 * The heading row among the first `scan` rows: the one that names the most fields, if it names
 * every required field. Undefined if no row does.
 */
export function findHeaderRow<Field extends string>(
  rows: readonly (readonly string[])[],
  vocabulary: HeadingVocabulary<Field>,
  required: readonly Field[],
  scan = 20,
): HeaderMatch<Field> | undefined {
  let best: HeaderMatch<Field> | undefined;
  let bestCount = 0;
  for (let rowIndex = 0; rowIndex < Math.min(rows.length, scan); rowIndex++) {
    const columns = recogniseColumns(rows[rowIndex]!, vocabulary);
    const fields = new Set(columns.flatMap((column) => (column.field === null ? [] : [column.field])));
    if (!required.every((field) => fields.has(field))) continue;
    if (fields.size > bestCount) {
      best = { rowIndex, columns };
      bestCount = fields.size;
    }
  }
  return best;
}

/**
 * The rows below the heading row as records of their fields (empty cells as ''), each with its
 * 1-based row number; rows with nothing in a recognised column are left out.
 */
export function recordsBelow<Field extends string>(
  rows: readonly (readonly string[])[],
  match: HeaderMatch<Field>,
): { row: number; values: Partial<Record<Field, string>> }[] {
  const records: { row: number; values: Partial<Record<Field, string>> }[] = [];
  for (let rowIndex = match.rowIndex + 1; rowIndex < rows.length; rowIndex++) {
    const cells = rows[rowIndex]!;
    const values: Partial<Record<Field, string>> = {};
    let any = false;
    for (const column of match.columns) {
      if (column.field === null) continue;
      const value = (cells[column.column - 1] ?? '').trim();
      values[column.field] = value;
      if (value !== '') any = true;
    }
    if (any) records.push({ row: rowIndex + 1, values });
  }
  return records;
}
