import {
  vocabularyEntry,
  vocabularyEntryCreate,
  vocabularyEntryUpdate,
  vocabularyListQuery,
} from '../../../domain/contracts/vocabularies.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveVocabularyEntry } from './archive-vocabulary-entry.ts';
import { createVocabularyEntry } from './create-vocabulary-entry.ts';
import { findVocabularyEntry } from './find-vocabulary-entry.ts';
import { listVocabularyEntries } from './list-vocabulary-entries.ts';
import { presentVocabularyEntry } from './present.ts';
import { updateVocabularyEntry } from './update-vocabulary-entry.ts';

/**
 * The tenant's vocabularies (processes, risk categories, control methods, deviation severities):
 * everyone reads them, the tenant administrator edits and archives them.
 */
export function vocabularyRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/vocabularies',
    tags: ['Administration'],
    noun: 'vocabulary entry',
    output: vocabularyEntry,
    createInput: vocabularyEntryCreate,
    updateInput: vocabularyEntryUpdate,
    listQuery: vocabularyListQuery,
    present: presentVocabularyEntry,
    list: listVocabularyEntries,
    find: (db, access, entryId) => findVocabularyEntry(db, access, { entryId }),
    create: createVocabularyEntry,
    update: (tx, access, entryId, version, changes) => updateVocabularyEntry(tx, access, { entryId, version, changes }),
    archive: (tx, access, entryId, archived) => archiveVocabularyEntry(tx, access, { entryId, archived }),
  });
  return router;
}
