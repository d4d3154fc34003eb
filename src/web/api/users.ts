import { queryOptions } from '@tanstack/react-query';
import type { user, userCreate, userUpdate } from '../../domain/contracts/users.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type User = Answer<typeof user>;

/** The tenant's persons. */
export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};

/** The tenant's persons, deactivated ones included (history names them). */
export function listUsers(signal?: AbortSignal) {
  return apiAll<User>('/users', { includeDeactivated: true }, signal);
}

export function createUser(body: Body<typeof userCreate>) {
  return api<User>('/users', { method: 'POST', body });
}

export function updateUser(id: string, body: Body<typeof userUpdate>) {
  return api<User>(`/users/${id}`, { method: 'PATCH', body });
}

/** Deactivates a person who left, or reactivates one. */
export function setUserDeactivated(id: string, deactivated: boolean) {
  return api<User>(`/users/${id}/${deactivated ? 'deactivate' : 'reactivate'}`, { method: 'POST' });
}

export const userQueries = {
  list: () =>
    queryOptions({ queryKey: userKeys.list(), queryFn: ({ signal }) => listUsers(signal), staleTime: 5 * 60_000 }),
};
