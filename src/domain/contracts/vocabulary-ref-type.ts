import type { z } from 'zod';
import type { vocabularyRef } from './vocabularies.ts';

/** An item's reference to a vocabulary entry, as the API shows it. */
export type VocabularyRefOutput = z.infer<typeof vocabularyRef>;
