import { queryOptions } from '@tanstack/react-query';
import type { outboxMessage } from '../../domain/contracts/outbox.ts';
import { api } from '../lib/api.ts';
import type { Answer } from './shared.ts';

export type OutboxMessage = Answer<typeof outboxMessage>;

/** The messages Uppsikt has written (reminders, deviation notices). */
export const outboxKeys = {
  all: ['outbox'] as const,
};

export function listOutbox(signal?: AbortSignal) {
  return api<{ items: OutboxMessage[] }>('/outbox', { query: { limit: 200 }, signal });
}

export const outboxQueries = {
  list: () => queryOptions({ queryKey: outboxKeys.all, queryFn: ({ signal }) => listOutbox(signal) }),
};
