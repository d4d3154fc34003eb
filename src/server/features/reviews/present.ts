import { review } from '../../../domain/contracts/reviews.ts';
import { presentAs } from '../../http/present.ts';

/** A review (granskning) as the contract gives it. */
export const presentReview = presentAs(review);
