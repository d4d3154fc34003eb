import { functionHolding, unitFunction } from '../../../domain/contracts/unit-functions.ts';
import { presentAs } from '../../http/present.ts';

export const presentUnitFunction = presentAs(unitFunction);
export const presentHolding = presentAs(functionHolding);
