import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The words of each searchable row, for PostgreSQL's full-text search with Swedish stemming.
 * The same expression builds the GIN index (in the table's schema) and the search's condition,
 * so that the planner uses the index: change one and both follow.
 */
export function searchDocument(...parts: (AnyPgColumn | SQL)[]): SQL {
  return sql`to_tsvector('swedish', ${sql.join(
    parts.map((part) => sql`coalesce(${part}, '')`),
    sql` || ' ' || `,
  )})`;
}

/**
 * A diarienummer ("GRF-2020-11639", "KS 2024/123") split at its punctuation, so that each of its
 * parts is a word of its own: the parser would otherwise read "-11639" as a signed number.
 */
export function diarienummerWords(column: AnyPgColumn): SQL {
  return sql`regexp_replace(coalesce(${column}, ''), '[^[:alnum:]]+', ' ', 'g')`;
}
