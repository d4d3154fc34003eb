import type { z } from 'zod';
import type { vocabularyEntryUpdate } from '../../../domain/contracts/vocabularies.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { findVocabularyEntry } from './find-vocabulary-entry.ts';
import { presentVocabularyEntry } from './present.ts';
import { assertEntryConsistent } from './vocabulary-rules.ts';

export interface UpdateVocabularyEntryOptions {
  entryId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. Kind and key never change. */
  changes: Omit<z.infer<typeof vocabularyEntryUpdate>, 'version'>;
}

/**
 * Changes an entry (tenant administrator). Items refer to it by id, so a new label shows
 * wherever it is used, old plans included.
 */
export async function updateVocabularyEntry(
  tx: Transaction,
  access: Access,
  { entryId, version, changes }: UpdateVocabularyEntryOptions,
) {
  const current = await findVocabularyEntry(tx, access, { entryId });
  access.assertTenantAdministrator();
  assertEntryConsistent({
    kind: current.kind,
    reportImmediately: changes.reportImmediately ?? current.reportImmediately,
    validFromYear: changes.validFromYear === undefined ? current.validFromYear : changes.validFromYear,
    validToYear: changes.validToYear === undefined ? current.validToYear : changes.validToYear,
  });
  return updateAudited(
    tx,
    vocabularyEntries,
    { current, expectedVersion: version, values: changes, present: presentVocabularyEntry },
    { actor: access.actor, entityType: 'vocabulary_entry', unitId: null },
  );
}
