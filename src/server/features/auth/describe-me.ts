import type { Access } from '../../access/access.ts';
import type { SessionLifetime } from '../../auth/auth-settings.ts';
import { findSession } from '../../auth/sessions.ts';
import type { Database } from '../../db/client.ts';
import { describeCaller } from '../../auth/describe-caller.ts';

export interface DescribeMeOptions {
  /** The secret of the session cookie, if the caller came with one. */
  secret: string | undefined;
  /** The moment the session is looked up at. */
  now: Date;
  lifetime: SessionLifetime;
}

/** "Who am I": the signed-in person, their tenant, their roles and, when they came with the session cookie, its CSRF token. */
export async function describeMe(db: Database, access: Access, { secret, now, lifetime }: DescribeMeOptions) {
  let csrfToken: string | null = null;
  if (access.principal.via === 'session') {
    csrfToken = secret ? ((await findSession(db, secret, now, lifetime))?.csrfToken ?? null) : null;
  }
  return describeCaller(db, {
    tenantId: access.tenantId,
    userId: access.userId,
    via: access.principal.via,
    mayWrite: access.principal.mayWrite,
    csrfToken,
    now: access.clock.now(),
  });
}
