import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { outboxMessage } from '../../domain/contracts/outbox.ts';
import { api } from '../lib/api.ts';
import type { Answer } from './shared.ts';

export type OutboxMessage = Answer<typeof outboxMessage>;
export type OutboxKind = OutboxMessage['kind'];

/** Every kind of message in the outbox, in the order the filter offers them. */
export const OUTBOX_KINDS = Object.keys({
  digest: true,
  deviation: true,
  invitation: true,
  password_reset: true,
  reminder: true,
} satisfies Record<OutboxKind, true>) as OutboxKind[];

/** The messages Uppsikt has written (reminders, deviation notices, invitations, new-password links). */
export const outboxKeys = {
  all: ['outbox'] as const,
  list: (kind: OutboxKind | undefined) => [...outboxKeys.all, 'list', kind ?? 'all'] as const,
};

/** The newest messages, of one kind or of every kind. */
export function listOutbox(kind: OutboxKind | undefined, signal?: AbortSignal) {
  return api<{ items: OutboxMessage[] }>('/outbox', { query: { limit: 200, kind }, signal });
}

export const outboxQueries = {
  // Another kind keeps the list on screen until its own arrives, so that the filter stays where it is.
  list: (kind?: OutboxKind) =>
    queryOptions({
      queryKey: outboxKeys.list(kind),
      queryFn: ({ signal }) => listOutbox(kind, signal),
      placeholderData: keepPreviousData,
    }),
};
