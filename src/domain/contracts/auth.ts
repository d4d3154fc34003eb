import { z } from 'zod';
import { ROLES } from '../role.ts';
import { id, optionalShortText, shortText } from './common.ts';
import { password } from './users.ts';

export const signInInput = z
  .strictObject({
    email: z.string().trim().min(1).max(320),
    password: z.string().min(1).max(1000),
    /** Only needed when the same address and password open accounts in several tenants. */
    tenant: z.string().min(1).max(100).optional().meta({
      description: 'The tenant’s short name (slug), needed only when the address has accounts in several tenants.',
    }),
  })
  .meta({ id: 'SignInInput' });

/** The signed-in person, their tenant and their roles. */
export const me = z
  .object({
    user: z.object({
      id,
      name: z.string(),
      email: z.string().nullable(),
      title: z.string().nullable(),
      locale: z.enum(['sv', 'en']),
      version: z.int().meta({ description: 'Send it back with PATCH /me; a stale one is answered with 409.' }),
    }),
    tenant: z.object({ id, slug: z.string(), name: z.string() }),
    roles: z.array(z.object({ id, unitId: id, unitName: z.string(), role: z.enum(ROLES) })),
    via: z.enum(['session', 'token']),
    mayWrite: z.boolean(),
    csrfToken: z
      .string()
      .nullable()
      .meta({ description: 'Send as the X-CSRF-Token header with every write made with the session cookie.' }),
    now: z.string().meta({
      description:
        'The server clock\'s present moment (ISO 8601). The web app reckons "today" from it, so that it and the server agree on what is overdue.',
    }),
  })
  .meta({ id: 'Me' });

/** A person changes their own password: the current one proves it is them. */
export const passwordChange = z
  .strictObject({
    currentPassword: z.string().min(1).max(1000),
    newPassword: password,
  })
  .meta({ id: 'PasswordChange' });

/** A person changes their own name, title and language. The e-mail address, which signs them in, is changed by an administrator. */
export const meUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    name: shortText.optional(),
    title: optionalShortText.optional(),
    locale: z.enum(['sv', 'en']).optional(),
  })
  .meta({ id: 'MeUpdate' });

/** Signed out of Uppsikt, and where to end the identity provider's session too (RP-initiated sign-out). */
export const signedOut = z.object({ signOutUrl: z.string() }).meta({ id: 'SignedOut' });
