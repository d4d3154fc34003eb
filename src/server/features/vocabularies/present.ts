import { vocabularyEntry } from '../../../domain/contracts/vocabularies.ts';
import { presentAs } from '../../http/present.ts';

export const presentVocabularyEntry = presentAs(vocabularyEntry);
