import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { vocabularyEntryCreate } from '../../../domain/contracts/vocabularies.ts';
import { vocabularyKeyOf } from '../../../domain/vocabulary.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertEntryConsistent } from './vocabulary-rules.ts';

/** The new entry: its kind and Swedish label, and what else the request gives. */
export type CreateVocabularyEntryOptions = z.infer<typeof vocabularyEntryCreate>;

/**
 * Adds an entry to one of the tenant's vocabularies (tenant administrator). Its key, made from
 * the Swedish label unless given, is unique within the kind; without a position it goes last.
 */
export async function createVocabularyEntry(tx: Transaction, access: Access, options: CreateVocabularyEntryOptions) {
  access.assertTenantAdministrator();
  const key = options.key ?? vocabularyKeyOf(options.labelSv);
  const entry = {
    kind: options.kind,
    key,
    labelSv: options.labelSv,
    labelEn: options.labelEn ?? options.labelSv,
    description: options.description ?? null,
    reportImmediately: options.reportImmediately ?? false,
    validFromYear: options.validFromYear ?? null,
    validToYear: options.validToYear ?? null,
  };
  assertEntryConsistent(entry);
  const sameKind = and(eq(vocabularyEntries.tenantId, access.tenantId), eq(vocabularyEntries.kind, options.kind));
  const [existing] = await tx
    .select({ id: vocabularyEntries.id })
    .from(vocabularyEntries)
    .where(and(sameKind, eq(vocabularyEntries.key, key)));
  if (existing)
    throw new AppError('validation_failed', undefined, [
      { path: 'key', message: localize((m) => m.vocabularies.keyInUse(key)) },
    ]);
  let sortOrder = options.sortOrder;
  if (sortOrder === undefined) {
    const [last] = await tx
      .select({ next: sql<number>`coalesce(max(${vocabularyEntries.sortOrder}) + 1, 0)` })
      .from(vocabularyEntries)
      .where(sameKind);
    sortOrder = Number(last?.next ?? 0);
  }
  return insertAudited(
    tx,
    vocabularyEntries,
    { ...entry, sortOrder, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'vocabulary_entry', unitId: null },
  );
}
