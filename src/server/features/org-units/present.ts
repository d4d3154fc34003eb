import { orgUnit } from '../../../domain/contracts/org-units.ts';
import { presentAs } from '../../http/present.ts';

export const presentOrgUnit = presentAs(orgUnit);
