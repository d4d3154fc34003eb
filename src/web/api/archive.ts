import { queryOptions, type QueryKey } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { deviationKeys } from './deviations.ts';
import { followUpKeys } from './follow-ups.ts';
import { itemKeys } from './items.ts';
import { planKeys } from './plans.ts';
import { reviewKeys } from './reviews.ts';
import { riskKeys } from './risks.ts';

// Plan data is never deleted: it is archived (it leaves the lists, keeps its history) and can be
// restored from its history.

/** The kinds of plan data that can be archived, by the audit log's entity type. */
export type ArchivableType = 'plan' | 'risk' | 'control' | 'action' | 'activity' | 'review' | 'follow_up' | 'deviation';

const PATHS: Record<ArchivableType, string> = {
  plan: '/plans',
  risk: '/risks',
  control: '/controls',
  action: '/actions',
  activity: '/activities',
  review: '/reviews',
  follow_up: '/follow-ups',
  deviation: '/deviations',
};

/** Every key of one entity, by its type (whatever is cached of it lies below). */
const ENTITY_KEYS: Record<ArchivableType, (id: string) => QueryKey> = {
  plan: planKeys.plan,
  risk: riskKeys.risk,
  control: itemKeys.control.detail,
  action: itemKeys.action.detail,
  activity: itemKeys.activity.detail,
  review: reviewKeys.review,
  follow_up: followUpKeys.followUp,
  deviation: deviationKeys.deviation,
};

/** Whether an entity type of the audit log names plan data that can be archived. */
export function isArchivable(type: string): type is ArchivableType {
  return Object.hasOwn(PATHS, type);
}

export interface ArchivableEntity {
  type: ArchivableType;
  id: string;
}

export const archiveKeys = {
  /** Whether the entity is archived now (under the entity's own keys). */
  state: ({ type, id }: ArchivableEntity) => [...ENTITY_KEYS[type](id), 'archive-state'] as const,
};

/** Whether an entity is archived, and its title where it has one. */
export function getArchiveState({ type, id }: ArchivableEntity, signal?: AbortSignal) {
  return api<{ archivedAt: string | null; title?: string }>(`${PATHS[type]}/${id}`, { signal });
}

/** Archives the entity (`true`) or restores it (`false`). */
export function setArchived({ type, id }: ArchivableEntity, archived: boolean) {
  return api<unknown>(`${PATHS[type]}/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' });
}

export const archiveQueries = {
  state: (entity: ArchivableEntity) =>
    queryOptions({
      queryKey: archiveKeys.state(entity),
      queryFn: ({ signal }) => getArchiveState(entity, signal),
      retry: false,
    }),
};
