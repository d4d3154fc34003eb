import { risk } from '../../../domain/contracts/risks.ts';
import { presentAs } from '../../http/present.ts';

export const presentRisk = presentAs(risk);
