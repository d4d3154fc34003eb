import { plan } from '../../../domain/contracts/plans.ts';
import { presentAs } from '../../http/present.ts';

export const presentPlan = presentAs(plan);
