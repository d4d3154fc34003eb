import { z } from 'zod';

// Building blocks of the API contracts, shared by the server (validation, OpenAPI) and the web app.

/** An id (UUIDv7). */
export const id = z.uuid();

/** A short single-line text: names and titles. */
export const shortText = z.string().trim().min(1).max(500);

/** An optional short text; null clears it. */
export const optionalShortText = z.string().trim().max(500).nullable();

/** A long text in Markdown (CommonMark with tables); bounded so one field cannot fill the database. */
export const markdown = z.string().max(100_000);

/** A calendar date, YYYY-MM-DD (Europe/Stockholm). */
export const calendarDate = z.iso.date();

/** A year a plan or period can be in. */
export const year = z.int().min(1990).max(2100);

/** A position in an ordered list. */
export const sortOrder = z.int().min(0).max(1_000_000);

/** The version the client last read; a stale one gets 409 Conflict. Required unless sent as If-Match. */
export const version = z.int().min(1).meta({
  description:
    'The version last read; a stale one is answered with 409 and the current state. Can instead be sent as an If-Match header.',
});

/** A timestamp as the API returns it (ISO 8601, UTC). */
export const timestamp = z.string().meta({ format: 'date-time' });

/** What every editable resource carries. */
export const editableFields = {
  version: z.int().meta({ description: 'Increases with every change; send it back with a change.' }),
  createdAt: timestamp,
  updatedAt: timestamp,
};

/** Paging and sorting of a list. `sort` is a field name, with a leading "-" for descending. */
export function listQuery<const Sort extends string>(sortFields: readonly [Sort, ...Sort[]]) {
  const sortValues = sortFields.flatMap((field) => [field, `-${field}`]) as [string, ...string[]];
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(500)
      .default(50)
      .meta({ description: 'At most this many items (1–500).' }),
    offset: z.coerce.number().int().min(0).default(0).meta({ description: 'Skip this many items.' }),
    sort: z
      .enum(sortValues)
      .optional()
      .meta({ description: `Sort by ${sortFields.join(', ')}; prefix "-" for descending.` }),
  };
}

/** A query flag: "true" or "false". */
export const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

/** One page of a list, with the total across all pages. */
export function page<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), total: z.int(), limit: z.int(), offset: z.int() });
}

/** The body of an error (RFC 9457 problem details). */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    current: z.unknown().optional().meta({ description: 'With 409: the entity as it is now.' }),
  })
  .meta({ id: 'Problem' });

/** The path parameter of a single entity. */
export const idParams = z.object({ id: z.uuid().meta({ param: { name: 'id', in: 'path' } }) });

/** Whether to include archived entities in a list. */
export const includeArchivedQuery = booleanQuery
  .optional()
  .meta({ description: 'Include archived entities (default false).' });

/** Who and when, for archived entities. */
export const archivedField = {
  archivedAt: timestamp
    .nullable()
    .meta({ description: 'Set when archived; archived entities are kept, never deleted.' }),
};
