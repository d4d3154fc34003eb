import { riskMatrix } from '../../../domain/contracts/risk-matrices.ts';
import { presentAs } from '../../http/present.ts';

export const presentRiskMatrix = presentAs(riskMatrix);
