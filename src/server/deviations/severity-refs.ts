import type { Database } from '../db/client.ts';
import { vocabularyRefs } from '../vocabulary/vocabulary-refs.ts';

/**
 * Deviations with their severity as a reference to the tenant's entry (both labels), read in one
 * query for all of them.
 */
export async function withSeverityRefs<T extends { severityId: string }>(db: Database, tenantId: string, rows: T[]) {
  const refs = await vocabularyRefs(
    db,
    tenantId,
    rows.map((row) => row.severityId),
  );
  return rows.map((row) => ({ ...row, severity: refs.get(row.severityId)! }));
}
