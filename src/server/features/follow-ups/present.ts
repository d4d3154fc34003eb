import { followUp } from '../../../domain/contracts/follow-ups.ts';
import { presentAs } from '../../http/present.ts';

/** A follow-up as the contract gives it. */
export const presentFollowUp = presentAs(followUp);
