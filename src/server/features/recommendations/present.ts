import { recommendation } from '../../../domain/contracts/recommendations.ts';
import { presentAs } from '../../http/present.ts';

/** A recommendation as the contract gives it. */
export const presentRecommendation = presentAs(recommendation);
