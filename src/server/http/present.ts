import type { z } from 'zod';

type Shape = Record<string, unknown>;

/**
 * Picks exactly the fields of an output contract from a row, so a row never leaks a column
 * (a hash, an internal flag) that the contract does not name. Timestamps become ISO strings.
 */
export function presentAs<Schema extends z.ZodObject>(schema: Schema) {
  const fields = Object.keys(schema.shape);
  return (row: Shape): z.infer<Schema> => {
    const result: Shape = {};
    for (const field of fields) {
      const value = row[field];
      result[field] = value instanceof Date ? value.toISOString() : value === undefined ? null : value;
    }
    return result as z.infer<Schema>;
  };
}
