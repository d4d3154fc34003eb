import { queryOptions } from '@tanstack/react-query';
import type { apiToken, apiTokenCreate, createdApiToken } from '../../domain/contracts/api-tokens.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type ApiToken = Answer<typeof apiToken>;
export type CreatedApiToken = Answer<typeof createdApiToken>;

/** The API tokens of integrations. */
export const apiTokenKeys = {
  all: ['api-tokens'] as const,
  list: () => [...apiTokenKeys.all, 'list'] as const,
};

/** Every token, revoked ones included. */
export function listApiTokens(signal?: AbortSignal) {
  return apiAll<ApiToken>('/api-tokens', { includeRevoked: true }, signal);
}

/** Creates a token; the answer holds the secret, shown this once. */
export function createApiToken(body: Body<typeof apiTokenCreate>) {
  return api<CreatedApiToken>('/api-tokens', { method: 'POST', body });
}

export function revokeApiToken(id: string) {
  return api<ApiToken>(`/api-tokens/${id}/revoke`, { method: 'POST' });
}

export const apiTokenQueries = {
  list: () => queryOptions({ queryKey: apiTokenKeys.list(), queryFn: ({ signal }) => listApiTokens(signal) }),
};
