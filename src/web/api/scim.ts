import { queryOptions } from '@tanstack/react-query';
import type { createdScimToken, directoryGroup, scimToken, scimTokenList } from '../../domain/contracts/scim.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer } from './shared.ts';

export type ScimToken = Answer<typeof scimToken>;
export type CreatedScimToken = Answer<typeof createdScimToken>;
export type ScimTokenList = Answer<typeof scimTokenList>;
export type DirectoryGroup = Answer<typeof directoryGroup>;

/** The directory's SCIM tokens and the groups it provisioned. */
export const scimKeys = {
  all: ['scim'] as const,
  tokens: () => [...scimKeys.all, 'tokens'] as const,
  groups: () => [...scimKeys.all, 'groups'] as const,
};

/** The tenant's SCIM tokens (revoked ones included) and the SCIM address to give the directory. */
export function listScimTokens(signal?: AbortSignal) {
  return api<ScimTokenList>('/scim-tokens', { query: { limit: 500 }, signal });
}

/** Creates a token; the answer holds the secret, shown this once. */
export function createScimToken() {
  return api<CreatedScimToken>('/scim-tokens', { method: 'POST', body: {} });
}

/** Revokes a token at once; it is kept, never deleted. */
export function revokeScimToken(id: string) {
  return api<ScimToken>(`/scim-tokens/${id}`, { method: 'DELETE' });
}

/** The groups the directory provisioned, by name, with their member counts. */
export function listDirectoryGroups(signal?: AbortSignal) {
  return apiAll<DirectoryGroup>('/directory-groups', {}, signal);
}

export const scimQueries = {
  tokens: () => queryOptions({ queryKey: scimKeys.tokens(), queryFn: ({ signal }) => listScimTokens(signal) }),
  groups: () => queryOptions({ queryKey: scimKeys.groups(), queryFn: ({ signal }) => listDirectoryGroups(signal) }),
};
