import { risk } from '../../../domain/contracts/risks.ts';
import type { VocabularyRefOutput } from '../../../domain/contracts/vocabulary-ref-type.ts';
import type { Database } from '../../db/client.ts';
import { presentAs } from '../../http/present.ts';
import { withGoalIds } from '../../goals/goal-links.ts';
import { vocabularyRefs } from '../../vocabulary/vocabulary-refs.ts';

const presentRiskFields = presentAs(risk);

type StoredRisk = Record<string, unknown> & { processId?: string | null; categoryId?: string | null };

/** A risk as the API shows it, its process and category named by the given references. */
export function presentRiskWith(refs: Map<string, VocabularyRefOutput>) {
  return (row: StoredRisk) =>
    presentRiskFields({
      ...row,
      process: (row.processId && refs.get(row.processId)) ?? null,
      category: (row.categoryId && refs.get(row.categoryId)) ?? null,
    });
}

/**
 * Risks with their process and category as references to the tenant's entries, read in one
 * query, and the goals they are linked to (goalIds) in another.
 */
export async function withVocabularyRefs<T extends StoredRisk>(db: Database, tenantId: string, rows: T[]) {
  const linked = await withGoalIds(db, tenantId, 'risk', rows);
  const refs = await vocabularyRefs(
    db,
    tenantId,
    rows.flatMap((row) => [row.processId, row.categoryId]),
  );
  return linked.map((row) => ({
    ...row,
    process: (row.processId && refs.get(row.processId)) ?? null,
    category: (row.categoryId && refs.get(row.categoryId)) ?? null,
  }));
}

/** A risk row already given its references (withVocabularyRefs), as the API shows it. */
export const presentRisk = presentRiskFields;
