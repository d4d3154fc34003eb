import type { Transaction } from '../../db/client.ts';
import type { ScimCaller } from './scim-auth.ts';
import { findScimUser, writeScimUser } from './user-rules.ts';

/**
 * DELETE /Users/{id}: the directory removed the person. Uppsikt deactivates them — they can no
 * longer sign in, their sessions end — and keeps them, so that history keeps their name.
 */
export async function deactivateScimUser(tx: Transaction, caller: ScimCaller, { userId }: { userId: string }) {
  const current = await findScimUser(tx, caller, userId, true);
  return writeScimUser(tx, caller, current, {}, false);
}
