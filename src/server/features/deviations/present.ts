import { deviation } from '../../../domain/contracts/deviations.ts';
import { presentAs } from '../../http/present.ts';

/** A deviation as the contract gives it. */
export const presentDeviation = presentAs(deviation);
