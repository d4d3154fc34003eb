import type { VocabularyKind } from '../../../domain/vocabulary.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** What the rules look at of an entry, as it would be after the change. */
export interface EntryShape {
  kind: VocabularyKind;
  reportImmediately: boolean;
  validFromYear: number | null;
  validToYear: number | null;
}

/**
 * An entry is offered from `validFromYear` to `validToYear`, so the second is not before the
 * first; only a deviation severity can require immediate reporting. Otherwise 400 naming the field.
 */
export function assertEntryConsistent(entry: EntryShape): void {
  const errors: FieldError[] = [];
  if (entry.validFromYear !== null && entry.validToYear !== null && entry.validToYear < entry.validFromYear)
    errors.push({
      path: 'validToYear',
      message: localize((m) => m.vocabularies.yearsOutOfOrder(entry.validFromYear ?? 0, entry.validToYear ?? 0)),
    });
  if (entry.reportImmediately && entry.kind !== 'deviation_severity')
    errors.push({
      path: 'reportImmediately',
      message: localize((m) => m.vocabularies.reportImmediatelyOnlySeverities),
    });
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}
