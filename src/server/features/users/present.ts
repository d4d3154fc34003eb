import { user } from '../../../domain/contracts/users.ts';
import { presentAs } from '../../http/present.ts';

const presentFields = presentAs(user);
/** The whitelist keeps the password hash out; whether there is one is all a client learns. */
export const presentUser = (row: Record<string, unknown>) =>
  presentFields({
    ...row,
    canSignIn: row.passwordHash !== null && row.passwordHash !== undefined,
    secondFactor: row.totpEnabledAt !== null && row.totpEnabledAt !== undefined,
  });
