import { z } from 'zod';
import { booleanQuery, editableFields, id, listQuery, optionalShortText, shortText, timestamp } from './common.ts';

/** A person of the tenant; those with a password can sign in. */
export const user = z
  .object({
    id,
    name: z.string(),
    email: z.string().nullable(),
    title: z.string().nullable().meta({ description: 'Befattning, e.g. "Förvaltningschef".' }),
    locale: z.enum(['sv', 'en']),
    canSignIn: z.boolean().meta({ description: 'Has a password.' }),
    secondFactor: z.boolean().meta({ description: 'Has two-step verification (TOTP) turned on.' }),
    breakGlass: z.boolean().meta({
      description:
        'Break-glass administrator (reservadministratör): may still sign in with a password when the tenant requires SSO.',
    }),
    deactivatedAt: timestamp
      .nullable()
      .meta({ description: 'Set when the person has left; they are kept, shown as "(borttagen)".' }),
    ...editableFields,
  })
  .meta({ id: 'User' });

/** The rule for a new password, wherever one is set. */
export const password = z
  .string()
  .min(12)
  .max(1000)
  .meta({ description: 'At least 12 characters; stored only as an argon2id hash.' });
const email = z.email().max(320);

export const userCreate = z
  .strictObject({
    name: shortText,
    email: email.nullable().optional(),
    title: optionalShortText.optional(),
    locale: z.enum(['sv', 'en']).optional(),
    password: password.optional(),
  })
  .meta({ id: 'UserCreate' });

export const userUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    name: shortText.optional(),
    email: email.nullable().optional(),
    title: optionalShortText.optional(),
    locale: z.enum(['sv', 'en']).optional(),
    password: password
      .nullable()
      .optional()
      .meta({ description: 'A new password; null removes it (the person can no longer sign in).' }),
    breakGlass: z.boolean().optional().meta({
      description:
        'Mark an administrator of the whole organisation as break-glass administrator; the last one cannot be unmarked while the tenant requires SSO.',
    }),
  })
  .meta({ id: 'UserUpdate' });

export const userListQuery = z.strictObject({
  ...listQuery(['name', 'email']),
  search: z.string().max(100).optional().meta({ description: 'Part of the name or e-mail address.' }),
  includeDeactivated: booleanQuery.optional(),
});

/** An invitation just sent: until when its link works, and the link itself when it was not mailed. */
export const invitation = z
  .object({
    userId: id,
    expiresAt: timestamp,
    mailed: z.boolean().meta({ description: 'Sent by e-mail (SMTP and a server key are configured).' }),
    link: z.string().nullable().meta({
      description:
        'The link, shown this once, when it was not mailed: the administrator passes it on. It is not stored and cannot be shown again.',
    }),
  })
  .meta({ id: 'Invitation' });

/** The invitations of the tenant whose links still work. */
export const openInvitations = z
  .object({
    items: z.array(z.object({ userId: id, createdAt: timestamp, expiresAt: timestamp })),
  })
  .meta({ id: 'OpenInvitations' });
