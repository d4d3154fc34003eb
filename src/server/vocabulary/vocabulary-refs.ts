import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { VocabularyRefOutput } from '../../domain/contracts/vocabulary-ref-type.ts';
import { DEFAULT_VOCABULARY, vocabularyEntryValidIn, type VocabularyKind } from '../../domain/vocabulary.ts';
import type { Database, Transaction } from '../db/client.ts';
import { vocabularyEntries } from '../db/schema/vocabulary-entries.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';

type Reader = Database | Transaction;

/** The rows of the default vocabularies for a new tenant (ids made here, tenant added by the caller). */
export function defaultVocabularyRows() {
  const positions = new Map<VocabularyKind, number>();
  return DEFAULT_VOCABULARY.map((entry) => {
    const sortOrder = positions.get(entry.kind) ?? 0;
    positions.set(entry.kind, sortOrder + 1);
    return {
      id: uuidv7(),
      kind: entry.kind,
      key: entry.key,
      labelSv: entry.labelSv,
      labelEn: entry.labelEn,
      description: entry.description ?? null,
      reportImmediately: entry.reportImmediately ?? false,
      sortOrder,
    };
  });
}

/** How an item shows an entry: both labels, so that every reader picks its own language. */
export function presentVocabularyRef(row: {
  id: string;
  key: string;
  labelSv: string;
  labelEn: string;
  archivedAt: Date | null;
}): VocabularyRefOutput {
  return { id: row.id, key: row.key, labelSv: row.labelSv, labelEn: row.labelEn, archived: row.archivedAt !== null };
}

/** The entries with these ids (of any kind), as references, by id. Archived ones included. */
export async function vocabularyRefs(
  db: Reader,
  tenantId: string,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, VocabularyRefOutput>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string'))];
  const refs = new Map<string, VocabularyRefOutput>();
  if (wanted.length === 0) return refs;
  const rows = await db
    .select()
    .from(vocabularyEntries)
    .where(and(eq(vocabularyEntries.tenantId, tenantId), inArray(vocabularyEntries.id, wanted)));
  for (const row of rows) refs.set(row.id, presentVocabularyRef(row));
  return refs;
}

/**
 * Checks that `entryId`, given in the field `path`, is an entry of the tenant's vocabulary of
 * `kind` offered for `year` (not archived, within its years). Null clears the field and passes.
 * An item keeping the entry it already has (`current`) passes even if the entry was archived
 * since, so that old plans stay editable. Otherwise: 400 naming the field.
 */
export async function assertVocabularyEntry(
  tx: Reader,
  tenantId: string,
  {
    kind,
    entryId,
    year,
    path,
    current = null,
  }: { kind: VocabularyKind; entryId: string | null | undefined; year: number; path: string; current?: string | null },
): Promise<void> {
  if (entryId === null || entryId === undefined || entryId === current) return;
  const [row] = await tx
    .select()
    .from(vocabularyEntries)
    .where(and(eq(vocabularyEntries.tenantId, tenantId), eq(vocabularyEntries.id, entryId)));
  if (row && row.kind === kind && vocabularyEntryValidIn(row, year)) return;
  throw new AppError('validation_failed', undefined, [
    {
      path,
      message: localize((m) => (row?.kind === kind ? m.vocabulary.notOfferedIn(year) : m.vocabulary.notInVocabulary)),
    },
  ]);
}
