import { review } from '../../../domain/contracts/reviews.ts';
import { presentAs } from '../../http/present.ts';

const presentOwnFields = presentAs(review);

/** A review (granskning) as the contract gives it; links the row does not carry are empty. */
export function presentReview(row: Record<string, unknown>) {
  return {
    ...presentOwnFields(row),
    followUpReviews: Array.isArray(row.followUpReviews) ? (row.followUpReviews as { id: string }[]) : [],
  } as ReturnType<typeof presentOwnFields>;
}
