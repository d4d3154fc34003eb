import {
  pgTable,
  text,
  timestamp,
  uuid,
  jsonb,
  boolean,
  primaryKey,
  uniqueIndex,
  index,
  check,
} from 'drizzle-orm/pg-core';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { users } from './users.ts';
import { inList } from './sql-helpers.ts';
import { ROLES } from '../../../domain/role.ts';

/** The protocols a tenant's identity provider can speak. */
export const IDENTITY_PROTOCOLS = ['oidc', 'saml'] as const;
export type IdentityProtocol = (typeof IDENTITY_PROTOCOLS)[number];

/**
 * A tenant's identity provider (Entra ID, Keycloak, ADFS …) through which its people sign in.
 * `settings` holds what the protocol needs (issuer and client id for OpenID Connect; the IdP's
 * entity id, sign-in address and certificates for SAML) and which claims or attributes carry
 * the e-mail address, the name and the groups. A client secret is kept sealed with the server
 * key (`sealedSecret`), never in `settings`, so it reaches neither the API nor the audit log.
 * Archived, never deleted: external identities and the audit log keep naming it.
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    ...tenantKey(),
    protocol: text({ enum: IDENTITY_PROTOCOLS }).notNull(),
    /** What the sign-in page's button says, e.g. "Malmö stads konto". */
    name: text().notNull(),
    /** A short name for URLs: /sso/{tenant}/{slug}/… */
    slug: text().notNull(),
    settings: jsonb().$type<Record<string, unknown>>().notNull(),
    sealedSecret: text(),
    /** Off: the provider is kept but nobody signs in through it (a "test sign-in" still works). */
    enabled: boolean().notNull().default(true),
    ...editable(),
    ...archivable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('identity_providers_slug_key').on(t.tenantId, t.slug),
    check('identity_providers_protocol_check', inList(t.protocol, IDENTITY_PROTOCOLS)),
  ],
);

/**
 * Who a person is at an identity provider: the provider's stable subject (OIDC `sub`, SAML
 * NameID). Sign-in finds the person by it, never by the e-mail address alone, which can change.
 */
export const externalIdentities = pgTable(
  'external_identities',
  {
    ...tenantKey(),
    providerId: uuid().notNull(),
    subject: text().notNull(),
    userId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp({ withTimezone: true }),
    /** The claims of the last sign-in (no tokens), so a rule's preview can show whom it would give what. */
    lastClaims: jsonb().$type<Record<string, string[]>>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('external_identities_provider_fk', t, t.providerId, identityProviders),
    tenantReference('external_identities_user_fk', t, t.userId, users),
    uniqueIndex('external_identities_subject_key').on(t.tenantId, t.providerId, t.subject),
    index('external_identities_user_idx').on(t.tenantId, t.userId),
  ],
);

/**
 * A rule that gives a role on a unit to whoever carries a claim value: "members of the group
 * IK-Samordnare-SOC get samordnare on Socialförvaltningen". The claim is the provider's name for
 * it (`groups`, `roles`, a SAML attribute, or SCIM group membership as `groups`); values compare
 * case-insensitively. Roles a rule gave are taken back when the person no longer carries the value.
 * A rule with no provider applies to all of the tenant's providers and to SCIM.
 */
export const roleMappingRules = pgTable(
  'role_mapping_rules',
  {
    ...tenantKey(),
    providerId: uuid(),
    claim: text().notNull(),
    value: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    unitId: uuid().notNull(),
    ...editable(),
    ...archivable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('role_mapping_rules_provider_fk', t, t.providerId, identityProviders),
    tenantReference('role_mapping_rules_unit_fk', t, t.unitId, orgUnits),
    check('role_mapping_rules_role_check', inList(t.role, ROLES)),
  ],
);

/**
 * One sign-in through a provider, from the redirect to the return: the state (only its hash),
 * the nonce and PKCE verifier for OpenID Connect, the request id for SAML. Used once: a state or
 * response that comes back a second time is a replay and is refused. `test` marks an
 * administrator's test sign-in, which reports what the provider sent and signs nobody in.
 */
export const ssoAttempts = pgTable(
  'sso_attempts',
  {
    ...tenantKey(),
    providerId: uuid().notNull(),
    stateHash: text().notNull(),
    nonce: text(),
    codeVerifier: text(),
    requestId: text(),
    returnTo: text(),
    /** The administrator who started a test sign-in; null for a real sign-in. */
    testedById: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    /** A test sign-in's outcome (the claims and what the rules would give), for the administrator to read. */
    testResult: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('sso_attempts_provider_fk', t, t.providerId, identityProviders),
    tenantReference('sso_attempts_tested_by_fk', t, t.testedById, users),
    uniqueIndex('sso_attempts_state_key').on(t.stateHash),
    index('sso_attempts_request_idx').on(t.tenantId, t.requestId),
  ],
);
