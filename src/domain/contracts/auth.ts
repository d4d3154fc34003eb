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
    chefOf: z.array(z.object({ unitId: id, unitName: z.string() })).meta({
      description:
        'The units whose chef (ansvarig chef) the person is today: they hold one of the unit’s manager functions. The chef approves and sends back the unit’s follow-ups, other than their own.',
    }),
    secondFactor: z
      .object({
        enabled: z.boolean().meta({ description: 'The person signs in with a TOTP code after the password.' }),
        required: z.boolean().meta({
          description:
            'The tenant requires a second factor of administrators and the person is one; without one (enabled false) they must set it up.',
        }),
      })
      .meta({ description: 'Two-step verification (tvåstegsverifiering) of the person.' }),
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
/** The answer to a right password when a second step is still to come; its secret is in an HttpOnly cookie. */
export const secondStepRequired = z
  .object({
    step: z.enum(['verify', 'enrol']).meta({
      description:
        '`verify`: give a TOTP code (POST /auth/login/second-factor). `enrol`: the tenant requires a second factor of administrators and the person has none; set one up (POST /auth/login/enrolment, then /auth/login/enrolment/confirm).',
    }),
    expiresAt: z
      .string()
      .meta({ format: 'date-time', description: 'The second step must be done before this (5 minutes).' }),
  })
  .meta({ id: 'SecondStepRequired' });

/** A TOTP code, six digits (spaces are ignored). */
const totpCode = z.string().trim().min(1).max(20).meta({ description: 'The six digits the authenticator app shows.' });

/** The second step of a sign-in: a TOTP code, or one of the recovery codes. */
export const secondStepInput = z
  .strictObject({
    code: totpCode.optional(),
    recoveryCode: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .meta({ description: 'One of the recovery codes, instead of a code; each works once.' }),
  })
  .superRefine((input, context) => {
    if (input.code === undefined && input.recoveryCode === undefined)
      context.addIssue({ code: 'custom', path: ['code'], message: 'A code or a recovery code is required.' });
  })
  .meta({ id: 'SecondStepInput' });

/** What an authenticator app needs to add the second factor. */
export const secondFactorEnrolment = z
  .object({
    otpauthUri: z.string().meta({ description: 'The otpauth:// address the QR code holds.' }),
    secret: z.string().meta({ description: 'The key in base32, to type into the app instead of scanning.' }),
    qrCode: z.string().meta({ description: 'The QR code as an SVG data URI (data:image/svg+xml;base64,…).' }),
  })
  .meta({ id: 'SecondFactorEnrolment' });

/** A present TOTP code, as proof. */
export const secondFactorCode = z.strictObject({ code: totpCode }).meta({ id: 'SecondFactorCode' });

/** Turning the second factor off takes the password and a present code. */
export const secondFactorTurnOff = z
  .strictObject({ password: z.string().min(1).max(1000), code: totpCode })
  .meta({ id: 'SecondFactorTurnOff' });

/** Ten recovery codes, shown this once: only their hashes are kept. */
export const recoveryCodesAnswer = z
  .object({
    recoveryCodes: z.array(z.string()).meta({ description: 'Shown this once; each works once instead of a code.' }),
  })
  .meta({ id: 'RecoveryCodes' });

/** A sign-in that ended with setting up the second factor: who is signed in, and the recovery codes. */
export const enrolledSignIn = z.object({ me, recoveryCodes: z.array(z.string()) }).meta({ id: 'EnrolledSignIn' });
