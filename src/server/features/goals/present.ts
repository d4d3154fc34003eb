import { goal } from '../../../domain/contracts/goals.ts';
import { presentAs } from '../../http/present.ts';

export const presentGoal = presentAs(goal);
