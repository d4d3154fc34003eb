import { z } from 'zod';
import { ROLES } from '../role.ts';
import { archivedField, editableFields, id, shortText, timestamp, version } from './common.ts';

/** A claim or attribute name, as the provider writes it (e.g. "groups", or a SAML attribute URI). */
const claimName = z.string().trim().min(1).max(300);

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Endast a–z, 0–9 och bindestreck / only a–z, 0–9 and hyphens')
  .max(60)
  .meta({ description: 'Short name in the sign-in addresses, e.g. "entra".' });

/** Which claims (OIDC) or attributes (SAML) carry the person's address, name and groups. */
export const claimNames = z.strictObject({
  email: claimName,
  name: claimName,
  groups: claimName,
});

/** OpenID Connect: the issuer (discovered from /.well-known/openid-configuration) and the client. */
export const oidcSettings = z
  .strictObject({
    issuer: z.url().meta({ description: 'e.g. https://login.microsoftonline.com/{tenant}/v2.0' }),
    clientId: z.string().trim().min(1).max(500),
    scopes: z
      .string()
      .trim()
      .regex(/(^|\s)openid(\s|$)/, 'Måste innehålla "openid" / must include "openid"')
      .max(500)
      .default('openid email profile'),
    claims: claimNames.default({ email: 'email', name: 'name', groups: 'groups' }),
  })
  .meta({ id: 'OidcSettings' });

/** SAML 2.0: the IdP as its metadata describes it. */
export const samlSettings = z
  .strictObject({
    idpEntityId: z.string().trim().min(1).max(1000),
    idpSsoUrl: z.url(),
    idpSloUrl: z.url().nullable().default(null),
    /** The IdP's signing certificates (PEM or bare base64), any of which may sign. */
    idpCertificates: z.array(z.string().trim().min(1).max(20_000)).min(1).max(5),
    /** Where the metadata was imported from, to fetch it again when certificates roll over. */
    metadataUrl: z.url().nullable().default(null),
    attributes: claimNames.default({
      email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      name: 'http://schemas.microsoft.com/identity/claims/displayname',
      groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
    }),
  })
  .meta({ id: 'SamlSettings' });

/** A new identity provider. The client secret is written here and never read back. */
export const identityProviderCreate = z
  .discriminatedUnion('protocol', [
    z.strictObject({
      protocol: z.literal('oidc'),
      name: shortText,
      slug,
      enabled: z.boolean().default(true),
      settings: oidcSettings,
      clientSecret: z.string().min(1).max(2000).nullable().default(null),
    }),
    z.strictObject({
      protocol: z.literal('saml'),
      name: shortText,
      slug,
      enabled: z.boolean().default(true),
      settings: samlSettings,
    }),
  ])
  .meta({ id: 'IdentityProviderCreate' });

/** A change: the fields to change; `clientSecret` null removes it, absent keeps it. */
export const identityProviderUpdate = z
  .strictObject({
    version,
    name: shortText.optional(),
    enabled: z.boolean().optional(),
    settings: z.union([oidcSettings, samlSettings]).optional(),
    clientSecret: z.string().min(1).max(2000).nullable().optional(),
  })
  .meta({ id: 'IdentityProviderUpdate' });

export const identityProvider = z
  .object({
    id,
    protocol: z.enum(['oidc', 'saml']),
    name: z.string(),
    slug: z.string(),
    enabled: z.boolean(),
    settings: z.record(z.string(), z.unknown()),
    hasClientSecret: z.boolean(),
    /** The addresses to give the provider's administrator (redirect URI, ACS, metadata) and the sign-in start. */
    addresses: z.object({
      signIn: z.string(),
      redirect: z.string().meta({ description: 'OIDC redirect URI, or SAML assertion consumer service.' }),
      metadata: z.string().nullable().meta({ description: 'SAML: the service provider metadata.' }),
      signOut: z.string().nullable(),
    }),
    ...editableFields,
    ...archivedField,
  })
  .meta({ id: 'IdentityProvider' });

/** What the sign-in page offers a tenant's people: the enabled providers. */
export const signInOption = z
  .object({ name: z.string(), protocol: z.enum(['oidc', 'saml']), signIn: z.string() })
  .meta({ id: 'SignInOption' });

export const roleMappingRuleCreate = z
  .strictObject({
    providerId: id.nullable().default(null).meta({ description: 'Null: every provider and SCIM.' }),
    claim: claimName.meta({ description: 'e.g. "groups"' }),
    value: z.string().trim().min(1).max(500),
    role: z.enum(ROLES),
    unitId: id,
  })
  .meta({ id: 'RoleMappingRuleCreate' });

export const roleMappingRuleUpdate = roleMappingRuleCreate
  .partial()
  .extend({ version })
  .meta({ id: 'RoleMappingRuleUpdate' });

export const roleMappingRule = z
  .object({
    id,
    providerId: id.nullable(),
    claim: z.string(),
    value: z.string(),
    role: z.enum(ROLES),
    unitId: id,
    ...editableFields,
    ...archivedField,
  })
  .meta({ id: 'RoleMappingRule' });

/** Who a rule (new or changed) would give its role, from each person's last sign-in or directory groups. */
export const roleMappingPreview = z
  .object({
    people: z.array(
      z.object({
        userId: id,
        name: z.string(),
        email: z.string().nullable(),
        /** Whether the person already holds the role on the unit. */
        alreadyHolds: z.boolean(),
        lastSignInAt: timestamp.nullable(),
      }),
    ),
  })
  .meta({ id: 'RoleMappingPreview' });

/** How an organisation's people sign in: the sign-in page's buttons. */
export const signInOptions = z
  .object({
    organisation: z.object({ slug: z.string(), name: z.string() }).nullable(),
    options: z.array(signInOption),
    passwordSignIn: z
      .boolean()
      .meta({ description: 'False when the organisation requires SSO (break-glass administrators still may).' }),
  })
  .meta({ id: 'SignInOptions' });

export const signInOptionsQuery = z.strictObject({
  organisation: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: "The organisation's short name; without it, the installation's only one." }),
});

export const testSignInStart = z
  .object({ url: z.string().meta({ description: 'Open this address to sign in at the provider.' }), attemptId: id })
  .meta({ id: 'TestSignInStart' });

export const testSignInResult = z
  .object({
    id,
    createdAt: timestamp,
    finished: z.boolean(),
    result: z.record(z.string(), z.unknown()).nullable().meta({
      description:
        'What the provider sent (subject, email, name, all claims as lists) and the rules that matched, or the failure and its reason.',
    }),
  })
  .meta({ id: 'TestSignInResult' });

export const identityProviderListQuery = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
