import { queryOptions } from '@tanstack/react-query';
import type { review, reviewCreate, reviewListQuery, reviewUpdate } from '../../domain/contracts/reviews.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type Review = Answer<typeof review>;
export type ReviewListFilters = ListFilters<typeof reviewListQuery>;

/** The reviews' (granskningar) query keys. */
export const reviewKeys = {
  all: ['reviews'] as const,
  lists: () => [...reviewKeys.all, 'list'] as const,
  list: (filters: ReviewListFilters) => [...reviewKeys.lists(), filters] as const,
  review: (id: string) => [...reviewKeys.all, id] as const,
  detail: (id: string) => [...reviewKeys.review(id), 'detail'] as const,
};

export function listReviews(filters: ReviewListFilters, signal?: AbortSignal) {
  return apiAll<Review>('/reviews', filters, signal);
}

export function getReview(id: string, signal?: AbortSignal) {
  return api<Review>(`/reviews/${id}`, { signal });
}

export function createReview(body: Body<typeof reviewCreate>) {
  return api<Review>('/reviews', { method: 'POST', body });
}

export function updateReview(id: string, body: Body<typeof reviewUpdate>) {
  return api<Review>(`/reviews/${id}`, { method: 'PATCH', body });
}

export const reviewQueries = {
  list: (filters: ReviewListFilters) =>
    queryOptions({ queryKey: reviewKeys.list(filters), queryFn: ({ signal }) => listReviews(filters, signal) }),
  detail: (id: string) =>
    queryOptions({ queryKey: reviewKeys.detail(id), queryFn: ({ signal }) => getReview(id, signal) }),
};
