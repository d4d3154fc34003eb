import { queryOptions } from '@tanstack/react-query';
import type { followUp, followUpCreate, followUpListQuery, followUpUpdate } from '../../domain/contracts/follow-ups.ts';
import { api, apiAll } from '../lib/api.ts';
import type { PlanItemKind } from './items.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type FollowUp = Answer<typeof followUp>;
export type FollowUpListFilters = ListFilters<typeof followUpListQuery>;

/** The follow-ups' query keys, the forms' (which show the item, its plan and periods) among them. */
export const followUpKeys = {
  all: ['follow-ups'] as const,
  lists: () => [...followUpKeys.all, 'list'] as const,
  list: (filters: FollowUpListFilters) => [...followUpKeys.lists(), filters] as const,
  /** The form for a new follow-up of an item. */
  newForm: (kind: PlanItemKind | null, itemId: string | undefined) =>
    [...followUpKeys.all, 'new', kind, itemId] as const,
  followUp: (id: string) => [...followUpKeys.all, id] as const,
  /** The form that changes a follow-up. */
  editForm: (id: string) => [...followUpKeys.followUp(id), 'form'] as const,
};

/** Which field of a follow-up names its item, by the item's kind. */
export const FOLLOW_UP_ITEM_FIELD: Record<PlanItemKind, 'controlId' | 'actionId' | 'activityId'> = {
  control: 'controlId',
  action: 'actionId',
  activity: 'activityId',
};

export function listFollowUps(filters: FollowUpListFilters, signal?: AbortSignal) {
  return apiAll<FollowUp>('/follow-ups', filters, signal);
}

export function getFollowUp(id: string, signal?: AbortSignal) {
  return api<FollowUp>(`/follow-ups/${id}`, { signal });
}

/** Writes a follow-up; its status becomes the item's status as well. */
export function createFollowUp(body: Body<typeof followUpCreate>) {
  return api<FollowUp>('/follow-ups', { method: 'POST', body });
}

export function updateFollowUp(id: string, body: Body<typeof followUpUpdate>) {
  return api<FollowUp>(`/follow-ups/${id}`, { method: 'PATCH', body });
}

/** Skicka in: a draft or a returned follow-up goes for review. */
export function submitFollowUp(id: string, version: number) {
  return api<FollowUp>(`/follow-ups/${id}/submit`, { method: 'POST', body: { version } });
}

/** Skicka tillbaka: to its author, saying what to add or change. */
export function returnFollowUp(id: string, version: number, comment: string) {
  return api<FollowUp>(`/follow-ups/${id}/return`, { method: 'POST', body: { version, comment } });
}

/** Godkänn, with a word if wanted. */
export function approveFollowUp(id: string, version: number, comment: string | null) {
  return api<FollowUp>(`/follow-ups/${id}/approve`, { method: 'POST', body: { version, comment } });
}

export const followUpQueries = {
  list: (filters: FollowUpListFilters) =>
    queryOptions({ queryKey: followUpKeys.list(filters), queryFn: ({ signal }) => listFollowUps(filters, signal) }),
};
