import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { AppError } from '../../errors.ts';

export interface FindVocabularyEntryOptions {
  entryId: string;
}

/** An entry of the caller's tenant's vocabularies, archived or not; otherwise not found. */
export async function findVocabularyEntry(db: Database, access: Access, { entryId }: FindVocabularyEntryOptions) {
  const [row] = await db
    .select()
    .from(vocabularyEntries)
    .where(and(eq(vocabularyEntries.tenantId, access.tenantId), eq(vocabularyEntries.id, entryId)));
  if (!row) throw new AppError('not_found');
  return row;
}
