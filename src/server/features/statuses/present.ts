import { status } from '../../../domain/contracts/statuses.ts';
import { presentAs } from '../../http/present.ts';

export const presentStatus = presentAs(status);
