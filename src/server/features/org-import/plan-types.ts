import type { OrgImportField } from '../../../domain/contracts/org-import.ts';
import type { LocalizedText } from '../../errors.ts';

/** A value in a change: a name as written, or a word in the reader's language (a kind, a role). */
export type ImportValue = string | LocalizedText | null;

/** One row of the file and what importing it does. */
export interface PlannedRow {
  row: number;
  outcome: 'create' | 'change' | 'unchanged' | 'error';
  label: string;
  changes: { field: OrgImportField; from: ImportValue; to: ImportValue }[];
  errors: { field: OrgImportField | null; message: LocalizedText }[];
}

/** A record of the file: its row number and the text of each recognised field. */
export interface ImportRecord<Field extends string> {
  row: number;
  values: Partial<Record<Field, string>>;
}

/** A name as people compare names: case, surrounding and repeated spaces do not count. */
export function nameKey(text: string): string {
  return text.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

/** The row's outcome from what it changes and whether it has errors. */
export function outcomeOf(row: Pick<PlannedRow, 'changes' | 'errors'>, creates: boolean): PlannedRow['outcome'] {
  if (row.errors.length > 0) return 'error';
  if (creates) return 'create';
  return row.changes.length > 0 ? 'change' : 'unchanged';
}

/** The items by a key, in their order. */
export function groupBy<Item>(items: Item[], keyOf: (item: Item) => string) {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
