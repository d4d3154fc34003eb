import type { z } from 'zod';
import type { signInInput } from '../../../domain/contracts/auth.ts';
import type { AuthSettings } from '../../auth/auth-settings.ts';
import { afterFirstStep } from '../../auth/sign-in-steps.ts';
import { verifyCredentials } from '../../auth/sign-in.ts';
import type { Database } from '../../db/client.ts';

export interface SignInOptions {
  /** The e-mail address, the password and, when the address has accounts in several tenants, the tenant. */
  credentials: z.infer<typeof signInInput>;
  /** The moment of the sign-in; the session's lifetime counts from it. */
  now: Date;
  /** The client's IP address, or null when unknown; failures from it are counted. */
  clientAddress: string | null;
  /** The server's sign-in limits and session lifetime. */
  settings: AuthSettings;
}

/**
 * Signs a person in with e-mail and password (held to the sign-in limits and the tenant's
 * local sign-in policy): opens a session, or, for a person with a second factor or an
 * administrator who must set one up, starts the second step. The session's or the challenge's
 * secret goes into a cookie.
 */
export async function signIn(db: Database, { credentials, now, clientAddress, settings }: SignInOptions) {
  const who = await verifyCredentials(db, credentials, now, { clientAddress, limits: settings.signIn });
  return afterFirstStep(db, who, { now, lifetime: settings.session, method: 'password' });
}
