import { queryOptions } from '@tanstack/react-query';
import type { roleAssignment, roleAssignmentCreate } from '../../domain/contracts/role-assignments.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type RoleAssignment = Answer<typeof roleAssignment>;

/** Who has which role on which unit. */
export const roleAssignmentKeys = {
  all: ['role-assignments'] as const,
  list: () => [...roleAssignmentKeys.all, 'list'] as const,
};

export function listRoleAssignments(signal?: AbortSignal) {
  return apiAll<RoleAssignment>('/role-assignments', {}, signal);
}

export function createRoleAssignment(body: Body<typeof roleAssignmentCreate>) {
  return api<RoleAssignment>('/role-assignments', { method: 'POST', body });
}

export function revokeRoleAssignment(id: string) {
  return api<RoleAssignment>(`/role-assignments/${id}/revoke`, { method: 'POST' });
}

export const roleAssignmentQueries = {
  list: () =>
    queryOptions({ queryKey: roleAssignmentKeys.list(), queryFn: ({ signal }) => listRoleAssignments(signal) }),
};
