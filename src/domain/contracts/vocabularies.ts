import { z } from 'zod';
import { VOCABULARY_KINDS } from '../vocabulary.ts';
import {
  archivedField,
  booleanQuery,
  editableFields,
  id,
  includeArchivedQuery,
  listQuery,
  optionalShortText,
  shortText,
  sortOrder,
  year,
} from './common.ts';

/** An entry of one of the tenant's vocabularies (process, risk category, control method, deviation severity). */
export const vocabularyEntry = z
  .object({
    id,
    kind: z.enum(VOCABULARY_KINDS),
    key: z.string().meta({ description: 'Stable; labels may change.' }),
    labelSv: z.string(),
    labelEn: z.string(),
    description: z.string().nullable(),
    reportImmediately: z
      .boolean()
      .meta({ description: 'Deviation severities: a deviation of this severity is reported to the nämnd at once.' }),
    sortOrder: z.int(),
    validFromYear: z.int().nullable().meta({ description: 'Offered to plans from this year; null: always.' }),
    validToYear: z.int().nullable().meta({ description: 'Offered to plans up to this year; null: open.' }),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'VocabularyEntry' });

/** How an item names an entry of a vocabulary: in both languages, so that any reader can show it. */
export const vocabularyRef = z
  .object({
    id,
    key: z.string(),
    labelSv: z.string(),
    labelEn: z.string(),
    archived: z.boolean().meta({ description: 'Archived since; old plans keep showing it.' }),
  })
  .meta({ id: 'VocabularyRef' });

const entryFields = {
  labelEn: shortText.optional().meta({ description: 'Defaults to the Swedish label.' }),
  description: optionalShortText.optional(),
  reportImmediately: z.boolean().optional(),
  sortOrder: sortOrder.optional(),
  validFromYear: year.nullable().optional(),
  validToYear: year.nullable().optional(),
};

export const vocabularyEntryCreate = z
  .strictObject({
    kind: z.enum(VOCABULARY_KINDS),
    key: z
      .string()
      .regex(/^[a-z0-9]+([-_][a-z0-9]+)*$/)
      .max(100)
      .optional()
      .meta({ description: 'Defaults to one made from the Swedish label.' }),
    labelSv: shortText,
    ...entryFields,
  })
  .meta({ id: 'VocabularyEntryCreate' });

export const vocabularyEntryUpdate = z
  .strictObject({ version: z.int().min(1).optional(), labelSv: shortText.optional(), ...entryFields })
  .meta({ id: 'VocabularyEntryUpdate' });

export const vocabularyListQuery = z.strictObject({
  ...listQuery(['sortOrder', 'labelSv']),
  kind: z.enum(VOCABULARY_KINDS).optional(),
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .meta({ description: 'Only entries offered to plans of this year.' }),
  includeArchived: includeArchivedQuery,
  inUse: booleanQuery.optional().meta({ description: 'Only entries that some item refers to.' }),
});
