import { z } from 'zod';
import { booleanQuery, id, shortText, timestamp } from './common.ts';

/** An API token for an integration; the secret itself is shown only once, when created. */
export const apiToken = z
  .object({
    id,
    name: z.string(),
    userId: id.meta({ description: 'The token acts as this person, with their roles.' }),
    access: z.enum(['read', 'read_write']),
    prefix: z.string().meta({ description: 'The first characters, to tell tokens apart.' }),
    createdById: id,
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createdApiToken = apiToken
  .extend({
    token: z.string().meta({
      description: 'The secret. Shown only now: store it safely; send it as `Authorization: Bearer <token>`.',
    }),
  })
  .meta({ id: 'CreatedApiToken' });

export const apiTokenCreate = z
  .strictObject({
    name: shortText.meta({ description: 'What it is for, e.g. "Power BI".' }),
    userId: id.optional().meta({ description: 'The person it acts as; defaults to the administrator creating it.' }),
    access: z.enum(['read', 'read_write']),
  })
  .meta({ id: 'ApiTokenCreate' });

export const apiTokenListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  includeRevoked: booleanQuery.optional(),
});
