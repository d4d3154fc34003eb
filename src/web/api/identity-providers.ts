import { queryOptions } from '@tanstack/react-query';
import type {
  identityProvider,
  identityProviderCreate,
  identityProviderUpdate,
  oidcSettings,
  roleMappingPreview,
  roleMappingRule,
  roleMappingRuleCreate,
  roleMappingRuleUpdate,
  samlSettings,
  testSignInResult,
  testSignInStart,
} from '../../domain/contracts/identity-providers.ts';
import type { Role } from '../../domain/role.ts';
import { api } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

// Sign-in through the organisation's identity providers (OpenID Connect, SAML) and the rules that
// give roles on units from what a provider says about a person. Only the tenant administrator
// reaches these. The lists answer `{ items }` without paging (a tenant has a handful of each).

export type IdentityProvider = Answer<typeof identityProvider>;
export type IdentityProtocol = IdentityProvider['protocol'];
export type OidcSettings = Answer<typeof oidcSettings>;
export type SamlSettings = Answer<typeof samlSettings>;
export type OidcSettingsBody = Body<typeof oidcSettings>;
export type SamlSettingsBody = Body<typeof samlSettings>;
export type RoleMappingRule = Answer<typeof roleMappingRule>;
export type RoleMappingRuleBody = Body<typeof roleMappingRuleCreate>;
export type RoleMappingPreview = Answer<typeof roleMappingPreview>;
export type TestSignInStart = Answer<typeof testSignInStart>;
export type TestSignIn = Answer<typeof testSignInResult>;

/** What a finished test sign-in found: what the provider sent and the rules that matched. */
export interface TestSignInSuccess {
  subject: string;
  email: string | null;
  name: string | null;
  values: Record<string, string[]>;
  rules: { id: string; role: Role; unitId: string }[];
}

/** Why a finished test sign-in failed: one of the server's SSO failure codes, and its details. */
export interface TestSignInFailure {
  failure: string;
  details: string;
}

/** A test sign-in's result, read from the contract's open record: a success, a failure, or nothing yet. */
export function testSignInOutcome(
  attempt: TestSignIn,
):
  | { kind: 'waiting' }
  | { kind: 'failure'; failure: TestSignInFailure }
  | { kind: 'success'; success: TestSignInSuccess } {
  const result = attempt.result;
  if (!attempt.finished || result === null) return { kind: 'waiting' };
  if (typeof result.failure === 'string')
    return {
      kind: 'failure',
      failure: { failure: result.failure, details: typeof result.details === 'string' ? result.details : '' },
    };
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const values: Record<string, string[]> = {};
  if (result.values && typeof result.values === 'object')
    for (const [claim, list] of Object.entries(result.values as Record<string, unknown>))
      values[claim] = Array.isArray(list) ? list.map(String) : [String(list)];
  return {
    kind: 'success',
    success: {
      subject: text(result.subject) ?? '',
      email: text(result.email),
      name: text(result.name),
      values,
      rules: Array.isArray(result.rules) ? (result.rules as TestSignInSuccess['rules']) : [],
    },
  };
}

/** The identity providers, one provider's views and its test sign-ins under its own prefix. */
export const identityProviderKeys = {
  all: ['identity-providers'] as const,
  list: (filters: { includeArchived: boolean }) => [...identityProviderKeys.all, 'list', filters] as const,
  provider: (id: string) => [...identityProviderKeys.all, 'provider', id] as const,
  detail: (id: string) => [...identityProviderKeys.provider(id), 'detail'] as const,
  testSignIn: (id: string, attemptId: string) =>
    [...identityProviderKeys.provider(id), 'test-sign-in', attemptId] as const,
};

/** The role-mapping rules. */
export const roleMappingRuleKeys = {
  all: ['role-mapping-rules'] as const,
  list: (filters: { includeArchived: boolean }) => [...roleMappingRuleKeys.all, 'list', filters] as const,
};

export async function listIdentityProviders(filters: { includeArchived: boolean }, signal?: AbortSignal) {
  const page = await api<{ items: IdentityProvider[] }>('/identity-providers', {
    query: { includeArchived: filters.includeArchived },
    signal,
  });
  return page.items;
}

export function getIdentityProvider(id: string, signal?: AbortSignal) {
  return api<IdentityProvider>(`/identity-providers/${id}`, { signal });
}

/** Adds a provider; the client secret is written here and never read back. */
export function createIdentityProvider(body: Body<typeof identityProviderCreate>) {
  return api<IdentityProvider>('/identity-providers', { method: 'POST', body });
}

/** Changes a provider from `version`; `clientSecret` null removes the secret, absent keeps it. */
export function updateIdentityProvider(id: string, body: Body<typeof identityProviderUpdate>) {
  return api<IdentityProvider>(`/identity-providers/${id}`, { method: 'PATCH', body });
}

/** Archives a provider (nobody signs in through it) or restores it. */
export function setIdentityProviderArchived(id: string, archived: boolean) {
  return api<IdentityProvider>(`/identity-providers/${id}/archive`, { method: 'POST', body: { archived } });
}

/** Starts a test sign-in: open the answer's address; the provider sends the browser back to the test page. */
export function startTestSignIn(id: string) {
  return api<TestSignInStart>(`/identity-providers/${id}/test-sign-in`, { method: 'POST' });
}

export function getTestSignIn(id: string, attemptId: string, signal?: AbortSignal) {
  return api<TestSignIn>(`/identity-providers/${id}/test-sign-ins/${attemptId}`, { signal });
}

/**
 * Reads an IdP's SAML metadata, from its address or as the XML of a file, into the settings of
 * a SAML provider (nothing is written). The form fills its fields with the answer.
 */
export function importSamlMetadata(body: { url: string } | { xml: string }) {
  return api<SamlSettings>('/identity-providers/saml-metadata', { method: 'POST', body });
}

export async function listRoleMappingRules(filters: { includeArchived: boolean }, signal?: AbortSignal) {
  const page = await api<{ items: RoleMappingRule[] }>('/role-mapping-rules', {
    query: { includeArchived: filters.includeArchived },
    signal,
  });
  return page.items;
}

export function createRoleMappingRule(body: RoleMappingRuleBody) {
  return api<RoleMappingRule>('/role-mapping-rules', { method: 'POST', body });
}

export function updateRoleMappingRule(id: string, body: Body<typeof roleMappingRuleUpdate>) {
  return api<RoleMappingRule>(`/role-mapping-rules/${id}`, { method: 'PATCH', body });
}

/** Archives a rule (the roles it gave are taken back at the next sign-in) or restores it. */
export function setRoleMappingRuleArchived(id: string, archived: boolean) {
  return api<RoleMappingRule>(`/role-mapping-rules/${id}/archive`, { method: 'POST', body: { archived } });
}

/**
 * Whom a rule (new or changed) would give its role, from last sign-ins and directory groups;
 * nothing is written. A POST whose answer belongs to the one rule sent, so it is not cached.
 */
export function previewRoleMappingRule(body: RoleMappingRuleBody) {
  return api<RoleMappingPreview>('/role-mapping-rules/preview', { method: 'POST', body });
}

/** How often an unfinished test sign-in is asked about again. */
export const TEST_SIGN_IN_POLL_MS = 2000;

export const identityProviderQueries = {
  /** Every provider; archived ones too when asked for (the administration shows them on request). */
  list: (filters: { includeArchived: boolean } = { includeArchived: false }) =>
    queryOptions({
      queryKey: identityProviderKeys.list(filters),
      queryFn: ({ signal }) => listIdentityProviders(filters, signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: identityProviderKeys.detail(id),
      queryFn: ({ signal }) => getIdentityProvider(id, signal),
    }),
  /** A test sign-in's outcome, asked about again until it is finished. */
  testSignIn: (id: string, attemptId: string) =>
    queryOptions({
      queryKey: identityProviderKeys.testSignIn(id, attemptId),
      queryFn: ({ signal }) => getTestSignIn(id, attemptId, signal),
      refetchInterval: (query) => (query.state.data?.finished ? false : TEST_SIGN_IN_POLL_MS),
    }),
};

export const roleMappingRuleQueries = {
  list: (filters: { includeArchived: boolean } = { includeArchived: false }) =>
    queryOptions({
      queryKey: roleMappingRuleKeys.list(filters),
      queryFn: ({ signal }) => listRoleMappingRules(filters, signal),
    }),
};
