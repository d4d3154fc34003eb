import type { SessionLifetime } from '../../auth/auth-settings.ts';
import { findSession, revokeSession } from '../../auth/sessions.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

export interface SignOutOptions {
  /** The secret of the session cookie, if the browser sent one. */
  secret: string | undefined;
  now: Date;
  /** How long sessions live: an idle or expired session is no longer there to end. */
  lifetime: SessionLifetime;
}

/**
 * Ends the browser's session; without an active session the caller is not signed in. Returns
 * the session, whose provider (when the person signed in through one) is then signed out of too.
 */
export async function signOut(db: Database, { secret, now, lifetime }: SignOutOptions) {
  const session = secret ? await findSession(db, secret, now, lifetime) : null;
  if (!session) throw new AppError('unauthenticated');
  await revokeSession(db, session);
  return session;
}
