import { hash, verify } from '@node-rs/argon2';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { signInFailures } from '../db/schema/sign-in-failures.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import { AppError } from '../errors.ts';

/** After this many failed sign-ins for one e-mail address within the window, further tries are refused. */
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

// Verified when no account matches, so that an unknown address takes as long as a wrong password.
let unknownAccountHash: Promise<string> | undefined;

const WRONG_CREDENTIALS = { sv: 'Fel e-postadress eller lösenord.', en: 'Wrong e-mail address or password.' };

export interface SignInOptions {
  email: string;
  password: string;
  /** The tenant's slug; needed only when the same address and password open accounts in several tenants. */
  tenant?: string | undefined;
}

/**
 * Checks an e-mail address and password and returns the person they belong to. Refuses with
 * 429 after too many failures for the address, and never signs in a deactivated person.
 */
export async function verifyCredentials(db: Database, options: SignInOptions, now: Date): Promise<{ tenantId: string; userId: string }> {
  const email = options.email.trim().toLowerCase();
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const recent = await db
    .select({ occurredAt: signInFailures.occurredAt })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.occurredAt, windowStart)))
    .orderBy(asc(signInFailures.occurredAt));
  if (recent.length >= SIGN_IN_FAILURE_LIMIT) {
    const oldest = recent[recent.length - SIGN_IN_FAILURE_LIMIT]!.occurredAt;
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + SIGN_IN_WINDOW_MS - now.getTime()) / 1000));
    throw new AppError(
      'rate_limited',
      {
        sv: `För många misslyckade inloggningar för kontot. Försök igen om ${Math.ceil(retryAfterSeconds / 60)} minuter.`,
        en: `Too many failed sign-ins for this account. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      },
      [],
      { retryAfterSeconds },
    );
  }

  const candidates = await db
    .select({ tenantId: users.tenantId, userId: users.id, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(sql`lower(${users.email}) = ${email}`, options.tenant === undefined ? undefined : eq(tenants.slug, options.tenant)));

  const matches: typeof candidates = [];
  for (const candidate of candidates) {
    if (candidate.passwordHash && (await verify(candidate.passwordHash, options.password))) matches.push(candidate);
  }
  if (candidates.every((candidate) => !candidate.passwordHash)) {
    unknownAccountHash ??= hash('not a password of anyone');
    await verify(await unknownAccountHash, options.password);
  }

  if (matches.length === 0) {
    await db.insert(signInFailures).values({ email, occurredAt: now });
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }
  if (matches.length > 1) {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'tenant',
        message: {
          sv: 'Adressen har konton i flera kommuner. Ange kommunens kortnamn (t.ex. "malmo").',
          en: 'The address has accounts in several tenants. Give the tenant’s short name (e.g. "malmo").',
        },
      },
    ]);
  }
  const [match] = matches;
  if (match!.deactivatedAt !== null) {
    throw new AppError('unauthenticated', { sv: 'Kontot är avaktiverat. Kontakta din administratör.', en: 'The account is deactivated. Contact your administrator.' });
  }
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
  return { tenantId: match!.tenantId, userId: match!.userId };
}
