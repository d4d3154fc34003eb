import { and, eq, max } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { vocabularyKeyOf, type VocabularyKind } from '../../domain/vocabulary.ts';
import type { Database, Transaction } from '../db/client.ts';
import { vocabularyEntries } from '../db/schema/vocabulary-entries.ts';

type Reader = Database | Transaction;
type Entry = typeof vocabularyEntries.$inferSelect;

/** Words compared as people mean them: case, spacing and accents aside. */
function comparable(text: string): string {
  return vocabularyKeyOf(text.trim());
}

/**
 * The entry of the tenant's vocabulary of `kind` that a written word names: its Swedish or
 * English label or its key, whatever the case, spacing or accents ("ekonomi", "Finance",
 * "IT- och informationssäkerhet"). Archived entries count last. Undefined when none does.
 */
export async function findEntryByLabel(
  db: Reader,
  tenantId: string,
  kind: VocabularyKind,
  label: string,
): Promise<Entry | undefined> {
  const wanted = comparable(label);
  const entries = await db
    .select()
    .from(vocabularyEntries)
    .where(and(eq(vocabularyEntries.tenantId, tenantId), eq(vocabularyEntries.kind, kind)));
  const matches = entries.filter(
    (entry) => comparable(entry.labelSv) === wanted || comparable(entry.labelEn) === wanted || entry.key === wanted,
  );
  return matches.find((entry) => entry.archivedAt === null) ?? matches[0];
}

/**
 * The id of the entry a written word names; a word the tenant's list lacks becomes a new entry
 * (its label as written, in both languages until someone translates it), last in the list.
 * Municipalities bring their own words; an administrator can rename or merge them later.
 */
export async function entryIdForLabel(
  tx: Transaction,
  tenantId: string,
  kind: VocabularyKind,
  label: string,
): Promise<{ id: string; created: Entry | null }> {
  const found = await findEntryByLabel(tx, tenantId, kind, label);
  if (found) return { id: found.id, created: null };
  const [last] = await tx
    .select({ sortOrder: max(vocabularyEntries.sortOrder) })
    .from(vocabularyEntries)
    .where(and(eq(vocabularyEntries.tenantId, tenantId), eq(vocabularyEntries.kind, kind)));
  const keys = new Set(
    (
      await tx
        .select({ key: vocabularyEntries.key })
        .from(vocabularyEntries)
        .where(and(eq(vocabularyEntries.tenantId, tenantId), eq(vocabularyEntries.kind, kind)))
    ).map((row) => row.key),
  );
  const base = vocabularyKeyOf(label);
  let key = base;
  for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
  const [created] = await tx
    .insert(vocabularyEntries)
    .values({
      tenantId,
      id: uuidv7(),
      kind,
      key,
      labelSv: label.trim(),
      labelEn: label.trim(),
      sortOrder: (last?.sortOrder ?? -1) + 1,
    })
    .returning();
  return { id: created!.id, created: created! };
}
