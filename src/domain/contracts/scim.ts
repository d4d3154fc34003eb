import { z } from 'zod';
import { id, timestamp } from './common.ts';

// The administration of SCIM provisioning under /api/v1: the tenant's bearer tokens for the
// directory, and the groups the directory has provisioned. The SCIM protocol itself (/scim/v2)
// has its own shapes (RFC 7643, 7644) and is described in docs/api.md, not here.

/** A SCIM token; the secret itself is shown only once, when created. */
export const scimToken = z
  .object({
    id,
    prefix: z.string().meta({ description: 'The first characters, to tell tokens apart.' }),
    createdById: id.nullable(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'ScimToken' });

const baseUrl = z.string().meta({
  description: "The SCIM base address to give the directory (Entra ID's Tenant URL): PUBLIC_URL + /scim/v2.",
});

export const createdScimToken = scimToken
  .extend({
    token: z.string().meta({
      description: "The secret. Shown only now: give it to the directory (Entra ID's Secret Token).",
    }),
    baseUrl,
  })
  .meta({ id: 'CreatedScimToken' });

/** A new token takes nothing: the tenant is the caller's. */
export const scimTokenCreate = z.strictObject({}).meta({ id: 'ScimTokenCreate' });

export const scimTokenListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The tenant's SCIM tokens, newest first, revoked ones included, and the base address. */
export const scimTokenList = z
  .object({
    items: z.array(scimToken),
    total: z.int(),
    limit: z.int(),
    offset: z.int(),
    baseUrl,
  })
  .meta({ id: 'ScimTokenList' });

/** A group the directory provisioned, with how many people are in it now. */
export const directoryGroup = z
  .object({
    id,
    displayName: z.string(),
    externalId: z.string().nullable(),
    memberCount: z.int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'DirectoryGroup' });

export const directoryGroupListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
