import { z } from 'zod';
import { timestamp } from './common.ts';

/** The tenant's local sign-in policy (Administration → Inloggning). */
export const tenantSettings = z
  .object({
    requireSso: z.boolean().meta({
      description:
        'Everyone signs in through the tenant’s identity provider; local passwords are refused, but for break-glass administrators.',
    }),
    requireSecondFactorForAdmins: z.boolean().meta({
      description: 'Administrators who sign in with a password must use two-step verification (TOTP).',
    }),
    breakGlassAdministrators: z.int().meta({
      description:
        'Active administrators of the whole organisation, with a password, marked break-glass: they can still sign in with a password when SSO is required.',
    }),
    enabledIdentityProviders: z.int().meta({ description: 'Identity providers people can sign in through now.' }),
    version: z.int().meta({ description: 'Send it back with a change; a stale one is answered with 409.' }),
    updatedAt: timestamp,
  })
  .meta({ id: 'TenantSettings' });

export const tenantSettingsUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    requireSso: z.boolean().optional(),
    requireSecondFactorForAdmins: z.boolean().optional(),
  })
  .meta({ id: 'TenantSettingsUpdate' });
