import { queryOptions } from '@tanstack/react-query';
import type {
  recommendation,
  recommendationAddressee,
  recommendationAddresseeCreate,
  recommendationAddresseeUpdate,
  recommendationCreate,
  recommendationUpdate,
} from '../../domain/contracts/recommendations.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type Recommendation = Answer<typeof recommendation>;
/** A nämnd a recommendation is addressed to, with its own answer. */
export type RecommendationAddressee = Answer<typeof recommendationAddressee>;

/** A review's recommendations, each followed from the answer to done. */
export const recommendationKeys = {
  all: ['recommendations'] as const,
  ofReview: (reviewId: string) => [...recommendationKeys.all, { reviewId }] as const,
};

export function listRecommendations(reviewId: string, signal?: AbortSignal) {
  return apiAll<Recommendation>('/recommendations', { reviewId, sort: 'sortOrder' }, signal);
}

export function createRecommendation(body: Body<typeof recommendationCreate>) {
  return api<Recommendation>('/recommendations', { method: 'POST', body });
}

export function updateRecommendation(id: string, body: Body<typeof recommendationUpdate>) {
  return api<Recommendation>(`/recommendations/${id}`, { method: 'PATCH', body });
}

export function addRecommendationAddressee(recommendationId: string, body: Body<typeof recommendationAddresseeCreate>) {
  return api<RecommendationAddressee>(`/recommendations/${recommendationId}/addressees`, { method: 'POST', body });
}

export function updateRecommendationAddressee(id: string, body: Body<typeof recommendationAddresseeUpdate>) {
  return api<RecommendationAddressee>(`/recommendation-addressees/${id}`, { method: 'PATCH', body });
}

export const recommendationQueries = {
  ofReview: (reviewId: string) =>
    queryOptions({
      queryKey: recommendationKeys.ofReview(reviewId),
      queryFn: ({ signal }) => listRecommendations(reviewId, signal),
    }),
};
