import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { controlResultCreate } from '../../../domain/contracts/control-results.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { users } from '../../db/schema/users.ts';
import { assertVocabularyEntry } from '../../vocabulary/vocabulary-refs.ts';
import { notifyDeviation } from '../../deviations/notify-deviation.ts';

export type FoundDeviation = NonNullable<z.infer<typeof controlResultCreate>['deviations']>[number];

/**
 * Checks every deviation's severity against the tenant's deviation severities offered in the
 * plan's year, before anything is written: a bad one is named by its place in the list
 * (`deviations.1.severityId`).
 */
export async function assertSeverities(tx: Transaction, tenantId: string, found: FoundDeviation[], year: number) {
  for (const [index, deviation] of found.entries()) {
    await assertVocabularyEntry(tx, tenantId, {
      kind: 'deviation_severity',
      entryId: deviation.severityId,
      year,
      path: `deviations.${index}.severityId`,
    });
  }
}

/**
 * Records the deviations a result "med avvikelse" found, in the caller's transaction: open,
 * found on the day the control was performed (or today) by the caller, each in the audit log and
 * notified like a deviation reported on its own.
 */
export async function recordFoundDeviations(
  tx: Transaction,
  access: Access,
  {
    found,
    result,
    unitId,
  }: {
    found: FoundDeviation[];
    result: { id: string; controlId: string; performedOn: string | null };
    unitId: string;
  },
): Promise<string[]> {
  const ids: string[] = [];
  const [finder] = await tx
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.tenantId, access.tenantId), eq(users.id, access.userId)));
  for (const deviation of found) {
    const row = await insertAudited(
      tx,
      deviations,
      {
        tenantId: access.tenantId,
        controlId: result.controlId,
        resultId: result.id,
        title: deviation.title,
        description: deviation.description ?? null,
        severityId: deviation.severityId,
        reportedToText: deviation.reportedToText ?? null,
        foundOn: result.performedOn ?? access.today,
        foundById: access.userId,
        state: 'open',
      },
      { actor: access.actor, entityType: 'deviation', unitId },
    );
    ids.push(row.id as string);
    // Those who answer for the control and the coordinators hear of it at once, as of any deviation.
    await notifyDeviation(tx, row as unknown as typeof deviations.$inferSelect, finder?.name ?? null);
  }
  return ids;
}
