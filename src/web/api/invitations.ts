import { queryOptions } from '@tanstack/react-query';
import type { invitation, openInvitations } from '../../domain/contracts/users.ts';
import { api } from '../lib/api.ts';
import type { Answer } from './shared.ts';

export type Invitation = Answer<typeof invitation>;
export type OpenInvitation = Answer<typeof openInvitations>['items'][number];

/** The tenant's invitations whose links still work (the tenant administrator's view). */
export const invitationKeys = {
  all: ['invitations'] as const,
  open: () => [...invitationKeys.all, 'open'] as const,
};

/** Every open invitation of the tenant, in one request (not one per person). */
export async function listOpenInvitations(signal?: AbortSignal): Promise<OpenInvitation[]> {
  const answer = await api<Answer<typeof openInvitations>>('/invitations', { signal });
  return answer.items;
}

/**
 * Invites a person: a one-time link to choose their password. Inviting again sends a new link
 * and withdraws the older. The answer holds the link only when it was not mailed, this once.
 */
export function inviteUser(userId: string) {
  return api<Invitation>(`/users/${userId}/invitation`, { method: 'POST' });
}

/** Withdraws a person's open invitation: its link stops working. */
export function withdrawInvitation(userId: string) {
  return api<void>(`/users/${userId}/invitation`, { method: 'DELETE' });
}

export const invitationQueries = {
  open: () => queryOptions({ queryKey: invitationKeys.open(), queryFn: ({ signal }) => listOpenInvitations(signal) }),
};
