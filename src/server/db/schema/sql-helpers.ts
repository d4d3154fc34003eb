import { sql, type SQL } from 'drizzle-orm';
import { customType, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** A column of bytes (a file), as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** SQL `column in ('a', 'b', …)` for a check constraint over a closed vocabulary. */
export function inList(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', '))})`;
}

/** SQL that is true when exactly one of the columns is set (a row that targets one kind of item). */
export function exactlyOne(...columns: AnyPgColumn[]): SQL {
  return sql`num_nonnulls(${sql.join(columns, sql`, `)}) = 1`;
}

/** SQL that is true unless both dates are set and the end comes before the start. */
export function datesInOrder(start: AnyPgColumn, end: AnyPgColumn): SQL {
  return sql`${end} is null or ${start} is null or ${end} >= ${start}`;
}
