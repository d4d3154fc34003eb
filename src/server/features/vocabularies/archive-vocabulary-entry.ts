import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { findVocabularyEntry } from './find-vocabulary-entry.ts';

export interface ArchiveVocabularyEntryOptions {
  entryId: string;
  archived: boolean;
}

/**
 * Archives an entry (no longer offered to new choices; items that have it keep showing it) or
 * restores it (tenant administrator). Always allowed, in use or not: entries are never deleted.
 */
export async function archiveVocabularyEntry(
  tx: Transaction,
  access: Access,
  { entryId, archived }: ArchiveVocabularyEntryOptions,
) {
  const current = await findVocabularyEntry(tx, access, { entryId });
  access.assertTenantAdministrator();
  return setArchived(tx, vocabularyEntries, current, archived, {
    actor: access.actor,
    entityType: 'vocabulary_entry',
    unitId: null,
  });
}
