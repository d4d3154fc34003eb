import { queryOptions } from '@tanstack/react-query';
import type { auditEvent } from '../../domain/contracts/audit-events.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer } from './shared.ts';

export type AuditEvent = Answer<typeof auditEvent>;

/** The audit trail, one entity at a time: every write to an entity adds to `auditEventKeys.entity(id)`. */
export const auditEventKeys = {
  all: ['audit-events'] as const,
  entity: (entityId: string) => [...auditEventKeys.all, entityId] as const,
  list: (entityId: string) => [...auditEventKeys.entity(entityId), 'list'] as const,
  latest: (entityId: string, version: unknown) => [...auditEventKeys.entity(entityId), 'latest', version] as const,
};

/** An entity's history, newest first. */
export function listAuditEvents(entityId: string, signal?: AbortSignal) {
  return apiAll<AuditEvent>('/audit-events', { entityId, sort: '-occurredAt' }, signal);
}

/** The newest event of an entity: who saved it last, and when. */
export function getLatestAuditEvent(entityId: string, signal?: AbortSignal) {
  return api<{ items: Pick<AuditEvent, 'actorName' | 'occurredAt'>[] }>('/audit-events', {
    query: { entityId, sort: '-occurredAt', limit: 1 },
    signal,
  });
}

export const auditEventQueries = {
  list: (entityId: string) =>
    queryOptions({
      queryKey: auditEventKeys.list(entityId),
      queryFn: ({ signal }) => listAuditEvents(entityId, signal),
    }),
  /** Who saved the version `version` of the entity (the newest event). */
  latest: (entityId: string, version: unknown) =>
    queryOptions({
      queryKey: auditEventKeys.latest(entityId, version),
      queryFn: ({ signal }) => getLatestAuditEvent(entityId, signal),
      retry: false,
    }),
};
