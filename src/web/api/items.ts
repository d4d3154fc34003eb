import { queryOptions } from '@tanstack/react-query';
import type { action, actionCreate, actionListQuery, actionUpdate } from '../../domain/contracts/actions.ts';
import type { activity } from '../../domain/contracts/activities.ts';
import type { control, controlCreate, controlListQuery, controlUpdate } from '../../domain/contracts/controls.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

// Controls (kontrollmoment) and actions (åtgärder), and what they share with activities as plan
// items: responsible persons, checkpoints, a status and follow-ups.

export type Control = Answer<typeof control>;
export type Action = Answer<typeof action>;

/** The kinds of plan item that have responsible persons, checkpoints and follow-ups. */
export type PlanItemKind = 'control' | 'action' | 'activity';
/** A control or an action: the items of a risk. */
export type ItemKind = 'control' | 'action';
/** Any plan item, as the lists and the follow-up form read them. */
export type AnyItem = Control | Action | Answer<typeof activity>;

/** Where each kind of plan item lives in the API. */
const PATHS: Record<PlanItemKind, string> = {
  control: '/controls',
  action: '/actions',
  activity: '/activities',
};

/** Every kind of plan item, in the order lists show them. */
export const PLAN_ITEM_KINDS = Object.keys(PATHS) as PlanItemKind[];

/** The filters of a plan item list (controls, actions and activities share them). */
export type ItemListFilters = ListFilters<typeof controlListQuery> & ListFilters<typeof actionListQuery>;

function keysOf(root: 'controls' | 'actions' | 'activities') {
  const keys = {
    all: [root] as const,
    lists: () => [...keys.all, 'list'] as const,
    list: (filters: ItemListFilters) => [...keys.lists(), filters] as const,
    detail: (id: string) => [...keys.all, id] as const,
  };
  return keys;
}

/** The query keys of each kind of plan item (activities have more in activities.ts). */
export const itemKeys: Record<PlanItemKind, ReturnType<typeof keysOf>> = {
  control: keysOf('controls'),
  action: keysOf('actions'),
  activity: keysOf('activities'),
};

export function getItem(kind: 'control', id: string, signal?: AbortSignal): Promise<Control>;
export function getItem(kind: 'action', id: string, signal?: AbortSignal): Promise<Action>;
export function getItem(kind: ItemKind, id: string, signal?: AbortSignal): Promise<Control | Action>;
export function getItem(kind: PlanItemKind, id: string, signal?: AbortSignal): Promise<AnyItem>;
export function getItem(kind: PlanItemKind, id: string, signal?: AbortSignal): Promise<AnyItem> {
  return api<AnyItem>(`${PATHS[kind]}/${id}`, { signal });
}

export function listItems(kind: 'control', filters: ItemListFilters, signal?: AbortSignal): Promise<Control[]>;
export function listItems(kind: 'action', filters: ItemListFilters, signal?: AbortSignal): Promise<Action[]>;
export function listItems(kind: PlanItemKind, filters: ItemListFilters, signal?: AbortSignal): Promise<AnyItem[]>;
export function listItems(kind: PlanItemKind, filters: ItemListFilters, signal?: AbortSignal): Promise<AnyItem[]> {
  return apiAll<AnyItem>(PATHS[kind], filters, signal);
}

export function createControl(body: Body<typeof controlCreate>) {
  return api<Control>('/controls', { method: 'POST', body });
}

export function updateControl(id: string, body: Body<typeof controlUpdate>) {
  return api<Control>(`/controls/${id}`, { method: 'PATCH', body });
}

export function createAction(body: Body<typeof actionCreate>) {
  return api<Action>('/actions', { method: 'POST', body });
}

export function updateAction(id: string, body: Body<typeof actionUpdate>) {
  return api<Action>(`/actions/${id}`, { method: 'PATCH', body });
}

export const itemQueries = {
  /** A control or an action. */
  detail: <Kind extends ItemKind>(kind: Kind, id: string) =>
    queryOptions({
      queryKey: itemKeys[kind].detail(id),
      queryFn: ({ signal }) => getItem(kind, id, signal) as Promise<Kind extends 'control' ? Control : Action>,
    }),
};
