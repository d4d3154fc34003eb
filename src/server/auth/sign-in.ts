import { hash, verify } from '@node-rs/argon2';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { SignInLimits } from './auth-settings.ts';
import type { Database } from '../db/client.ts';
import { signInFailures } from '../db/schema/sign-in-failures.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import { recordAuthEvent } from './auth-events.ts';

/** Counted for the tests: how many sign-in attempts reached the password check (argon2). */
export const signInCounters = { passwordChecks: 0 };

// Verified when no account matches, so that an unknown address takes as long as a wrong password.
let unknownAccountHash: Promise<string> | undefined;

const WRONG_CREDENTIALS = localize((m) => m.auth.wrongCredentials);

/** Names the sign-in limiter's advisory locks among the other advisory locks (the migration lock …). */
const SIGN_IN_LOCK_SPACE = 7_164_220;

function tooManyAttempts(scope: 'account' | 'address', retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const message = localize((m) =>
    scope === 'account' ? m.auth.tooManyForAccount(minutes) : m.auth.tooManyFromAddress(minutes),
  );
  return new AppError('rate_limited', message, [], { retryAfterSeconds });
}

/**
 * Reserves one sign-in attempt for the account (and the client address, when known), or
 * refuses with 429 when the limit of failures within the window is reached. The count and the
 * reservation happen as one, under a lock per account and per address, so that however many
 * attempts arrive at once, no more than the limit get to the password check: the reservation
 * counts as a failure until the password turns out right. Returns the reservation's id.
 */
export async function reserveSignInAttempt(
  db: Database,
  attempt: { email: string; clientAddress: string | null },
  limits: SignInLimits,
  now: Date,
): Promise<string> {
  const windowStart = new Date(now.getTime() - limits.windowMs);
  return db.transaction(async (tx) => {
    // Account before address, always in this order, so two attempts never wait for each other in a circle.
    // The counts below are separate statements: in READ COMMITTED each sees what was committed before the lock was granted.
    // The locks matter only with concurrent connections: the parallel-attempt tests of
    // sign-in-limits.test.ts kill these mutants on PostgreSQL (the postgresql project). Under
    // Stryker the tests run on PGlite, whose one connection runs the transactions one at a time.
    // Stryker disable all: defended by the PostgreSQL run of sign-in-limits.test.ts (see above); a block, since the formatter spreads the second lock over lines
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_IN_LOCK_SPACE}, hashtext(${`account:${attempt.email}`}))`);
    if (attempt.clientAddress !== null)
      await tx.execute(
        sql`select pg_advisory_xact_lock(${SIGN_IN_LOCK_SPACE}, hashtext(${`address:${attempt.clientAddress}`}))`,
      );
    // Stryker restore all
    const checks = [
      { scope: 'account' as const, column: signInFailures.email, value: attempt.email, limit: limits.perAccount },
      ...(attempt.clientAddress === null
        ? []
        : [
            {
              scope: 'address' as const,
              column: signInFailures.clientAddress,
              value: attempt.clientAddress,
              limit: limits.perAddress,
            },
          ]),
    ];
    for (const check of checks) {
      const recent = await tx
        .select({ occurredAt: signInFailures.occurredAt })
        .from(signInFailures)
        .where(and(eq(check.column, check.value), gt(signInFailures.occurredAt, windowStart)))
        .orderBy(desc(signInFailures.occurredAt))
        .limit(check.limit);
      if (recent.length >= check.limit) {
        // A slot frees when the oldest of the last `limit` failures leaves the window.
        const oldest = recent[recent.length - 1]!.occurredAt;
        throw tooManyAttempts(
          check.scope,
          Math.max(1, Math.ceil((oldest.getTime() + limits.windowMs - now.getTime()) / 1000)),
        );
      }
    }
    const [reserved] = await tx
      .insert(signInFailures)
      .values({ email: attempt.email, clientAddress: attempt.clientAddress, occurredAt: now })
      .returning({ id: signInFailures.id });
    return reserved!.id;
  });
}

/** The attempt was no failure (the password was right): its reservation no longer counts. */
export async function releaseSignInAttempt(db: Database, reservationId: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.id, reservationId));
}

/**
 * The person got in (a session opened): the account's earlier failures no longer count against
 * it. Not at the password step when a code is still to come, or a known password would wipe
 * the wrong codes' count with every new try.
 */
export async function forgetSignInFailures(db: Database, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email.trim().toLowerCase()));
}

/**
 * Refuses a right password when the tenant requires its people to sign in through its identity
 * provider, unless the person is a break-glass administrator; the refusal is audited. Checked
 * after the password, so it tells nothing about an account to whoever does not know it.
 */
export async function assertLocalPasswordAllowed(
  db: Database,
  person: { tenantId: string; userId: string; requireSso: boolean; breakGlass: boolean },
): Promise<void> {
  if (!person.requireSso || person.breakGlass) return;
  await recordAuthEvent(db, {
    tenantId: person.tenantId,
    userId: person.userId,
    operation: 'sign_in_refused_sso_required',
    details: { method: 'password' },
  });
  throw new AppError(
    'unauthenticated',
    localize((m) => m.auth.ssoRequired),
  );
}

/** Whether the tenant requires SSO of the person, for assertLocalPasswordAllowed. */
export async function localPasswordPolicy(db: Database, person: { tenantId: string; userId: string }) {
  const [row] = await db
    .select({ requireSso: tenants.requireSso, breakGlass: users.breakGlass })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.tenantId, person.tenantId), eq(users.id, person.userId)));
  return { ...person, requireSso: row?.requireSso ?? false, breakGlass: row?.breakGlass ?? false };
}

export interface SignInOptions {
  email: string;
  password: string;
  /** The tenant's slug; needed only when the same address and password open accounts in several tenants. */
  tenant?: string | undefined;
}

/** Where an attempt comes from, and the limits it is held to. */
export interface SignInContext {
  /** The client's IP address, or null when unknown (then only the account's limit applies). */
  clientAddress: string | null;
  limits: SignInLimits;
}

/**
 * Checks an e-mail address and password and returns the person they belong to. Refuses with
 * 429 after too many failures for the account or from the client's address, before the
 * password is even checked, and never signs in a deactivated person or one of a suspended tenant,
 * nor, with a password, a person whose tenant requires SSO (but a break-glass administrator).
 * A wrong password of a known account is audited in the account's tenant. The account's earlier
 * failures are not forgotten here: the caller does that when a session opens.
 */
export async function verifyCredentials(
  db: Database,
  options: SignInOptions,
  now: Date,
  context: SignInContext,
): Promise<{ tenantId: string; userId: string; email: string }> {
  // Stryker disable next-line MethodExpression: the request schema (signInInput) trims the address before it gets here
  const email = options.email.trim().toLowerCase();
  const reservationId = await reserveSignInAttempt(
    db,
    { email, clientAddress: context.clientAddress },
    context.limits,
    now,
  );
  signInCounters.passwordChecks++;

  const candidates = await db
    .select({
      tenantId: users.tenantId,
      userId: users.id,
      passwordHash: users.passwordHash,
      deactivatedAt: users.deactivatedAt,
      breakGlass: users.breakGlass,
      tenantSuspendedAt: tenants.suspendedAt,
      requireSso: tenants.requireSso,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(
      and(
        sql`lower(${users.email}) = ${email}`,
        options.tenant === undefined ? undefined : eq(tenants.slug, options.tenant),
      ),
    );

  const matches: typeof candidates = [];
  for (const candidate of candidates) {
    if (candidate.passwordHash && (await verify(candidate.passwordHash, options.password))) matches.push(candidate);
  }
  // Stryker disable all: this only evens out the time an unknown address takes; its sole effect is timing, which no test measures (no timed assertions).
  if (candidates.every((candidate) => !candidate.passwordHash)) {
    unknownAccountHash ??= hash('not a password of anyone');
    await verify(await unknownAccountHash, options.password);
  }
  // Stryker restore all

  // The reservation stays as the failure it turned out to be.
  if (matches.length === 0) {
    // Audited in the tenant of each account the address has; an unknown address has no tenant.
    for (const candidate of candidates.filter((candidate) => candidate.passwordHash !== null)) {
      await recordAuthEvent(db, {
        tenantId: candidate.tenantId,
        userId: candidate.userId,
        operation: 'sign_in_failed',
        details: { reason: 'wrong_password' },
        actor: 'sign-in',
      });
    }
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }
  await releaseSignInAttempt(db, reservationId);
  if (matches.length > 1) {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'tenant',
        message: localize((m) => m.auth.addressInSeveralTenants),
      },
    ]);
  }
  const [match] = matches;
  if (match!.deactivatedAt !== null) {
    throw new AppError(
      'unauthenticated',
      localize((m) => m.auth.deactivated),
    );
  }
  if (match!.tenantSuspendedAt !== null) {
    throw new AppError(
      'forbidden',
      localize((m) => m.auth.tenantSuspended),
    );
  }
  await assertLocalPasswordAllowed(db, match!);
  return { tenantId: match!.tenantId, userId: match!.userId, email };
}
