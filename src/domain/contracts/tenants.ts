import { z } from 'zod';
import { TENANT_KINDS, TENANT_SLUG_MAX_LENGTH, TENANT_SLUG_PATTERN } from '../tenant.ts';
import { shortText } from './common.ts';
import { password } from './users.ts';

/** A tenant's slug: its short name in scripts, sign-in and URLs. */
export const tenantSlug = z.string().trim().min(1).max(TENANT_SLUG_MAX_LENGTH).regex(TENANT_SLUG_PATTERN).meta({
  description: 'Lower-case letters a–z and digits, words joined by single hyphens, e.g. "region-skane".',
});

/** What a new tenant is: its names, its kind, and its first administrator. */
export const tenantCreate = z
  .strictObject({
    slug: tenantSlug,
    name: shortText.meta({ description: 'The organisation’s name, e.g. "Lunds kommun"; also its top unit’s name.' }),
    kind: z.enum(TENANT_KINDS),
    admin: z.strictObject({
      name: shortText,
      email: z.email().max(320),
    }),
  })
  .meta({ id: 'TenantCreate' });

/** The first start of an installation: the setup code from the server's log, the tenant, and the administrator's password. */
export const firstRunInput = z
  .strictObject({
    setupCode: z.string().trim().min(1).max(100),
    tenant: tenantCreate,
    password,
  })
  .meta({ id: 'FirstRunInput' });

/** Whether the installation still waits for its first tenant. */
export const firstRunState = z
  .object({
    needed: z.boolean().meta({ description: 'True while no tenant exists; the first-run page is shown at /.' }),
  })
  .meta({ id: 'FirstRunState' });

/** A one-time link's secret, as the page at /valj-losenord read it from its address. */
export const linkSecret = z.strictObject({ secret: z.string().min(1).max(200) }).meta({ id: 'LinkSecret' });

/** Who a one-time link is for, shown before the person chooses a password. */
export const linkDescription = z
  .object({
    purpose: z.enum(['set_password', 'invitation', 'password_reset']),
    expiresAt: z.string(),
    user: z.object({ name: z.string(), email: z.string().nullable() }),
    tenant: z.object({ name: z.string(), slug: z.string() }),
  })
  .meta({ id: 'LinkDescription' });

/** Choosing a password with a one-time link. */
export const linkPassword = z
  .strictObject({ secret: z.string().min(1).max(200), password })
  .meta({ id: 'LinkPassword' });

/** A forgotten password: the address the account signs in with. */
export const passwordResetRequest = z
  .strictObject({
    email: z.string().trim().min(1).max(320),
    tenant: z.string().min(1).max(100).optional().meta({
      description: 'The tenant’s short name (slug); without it, every account of the address gets a link.',
    }),
  })
  .meta({ id: 'PasswordResetRequest' });

/** The answer to every request for a new password, whether or not the address has an account. */
export const passwordResetAnswer = z.object({ message: z.string() }).meta({ id: 'PasswordResetAnswer' });
