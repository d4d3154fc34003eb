import { controlResult } from '../../../domain/contracts/control-results.ts';
import { presentAs } from '../../http/present.ts';

/** A control result as the contract gives it (with the ids of the deviations it found). */
export const presentControlResult = presentAs(controlResult);
