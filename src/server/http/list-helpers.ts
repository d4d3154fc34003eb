import { asc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `sort=name` or `sort=-name` → an ORDER BY over whitelisted columns, with the id as a stable
 * tie-breaker. Empty values come last either way: "newest meeting first" should not start
 * with the reviews that have no meeting yet.
 */
export function orderBy(
  sort: string | undefined,
  columns: Record<string, PgColumn | SQL>,
  fallback: string,
  id: PgColumn,
): SQL[] {
  const key = sort ?? fallback;
  const descending = key.startsWith('-');
  const column = columns[descending ? key.slice(1) : key] ?? columns[fallback.replace(/^-/, '')]!;
  return [descending ? sql`${column} desc nulls last` : sql`${column} asc nulls last`, asc(id)];
}

/** One page of rows that were counted with `count(*) over ()` as `total`. */
export function pageOf<Row extends { total: number }, Item>(
  rows: Row[],
  limit: number,
  offset: number,
  present: (row: Row) => Item,
) {
  return { items: rows.map(present), total: rows.length > 0 ? Number(rows[0]!.total) : 0, limit, offset };
}
