import { hash } from '@node-rs/argon2';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '../db/client.ts';
import type { Actor } from '../audit/record-audit-events.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { updateAudited } from '../audit/audited-writes.ts';
import { oneTimeLinks, type OneTimeLinkPurpose } from '../db/schema/one-time-links.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import { uuidv7 } from 'uuidv7';
import { revokeSessionsOf } from './sessions.ts';
import { derivedLinkSecret, hashSecret, newSecret } from './secrets.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long a link of each purpose is valid: a first administrator's link a day (the issue's
 * "valid 24 h"), an invitation a week (people are away), a forgotten password an hour (whoever
 * asks has the mailbox open).
 */
export const ONE_TIME_LINK_LIFETIMES_MS: Record<OneTimeLinkPurpose, number> = {
  set_password: 24 * HOUR_MS,
  invitation: 7 * 24 * HOUR_MS,
  password_reset: HOUR_MS,
};

/** The page of the web app where a link is used. */
export const ONE_TIME_LINK_PATH = '/valj-losenord';

/**
 * The address a person opens. The secret is in the fragment (after #), which browsers never send
 * to a server: it stays out of access logs, proxies and Referer headers; the page posts it.
 */
export function oneTimeLinkUrl(publicUrl: string, secret: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${ONE_TIME_LINK_PATH}#${secret}`;
}

export interface IssuedLink {
  id: string;
  /** Goes into the link and nowhere else; only its hash is stored. */
  secret: string;
  expiresAt: Date;
}

/**
 * Issues a one-time link to a person, in the caller's transaction. Any earlier link of the same
 * purpose that is still open is withdrawn, so only the newest link works. Both are audited.
 */
export async function issueOneTimeLink(
  tx: Transaction,
  actor: Actor,
  options: {
    tenantId: string;
    userId: string;
    purpose: OneTimeLinkPurpose;
    now: Date;
    createdById: string | null;
    /** For a link that goes by mail: its secret is derived from this key and its id (link-mail.ts). */
    derivedFrom?: Buffer | undefined;
  },
): Promise<IssuedLink> {
  const { tenantId, userId, purpose, now } = options;
  await withdrawOpenLinks(tx, actor, { tenantId, userId, purpose, now });
  const id = uuidv7();
  const secret = options.derivedFrom ? derivedLinkSecret(options.derivedFrom, id) : newSecret();
  const expiresAt = new Date(now.getTime() + ONE_TIME_LINK_LIFETIMES_MS[purpose]);
  const [link] = await tx
    .insert(oneTimeLinks)
    .values({
      tenantId,
      id,
      userId,
      purpose,
      secretHash: hashSecret(secret),
      createdById: options.createdById,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: oneTimeLinks.id });
  await recordAuditEvents(tx, actor, [
    {
      entityType: 'one_time_link',
      entityId: link!.id,
      operation: 'create',
      changes: {
        userId: [null, userId],
        purpose: [null, purpose],
        expiresAt: [null, expiresAt.toISOString()],
      },
    },
  ]);
  return { id: link!.id, secret, expiresAt };
}

/** A link that still works at `now`: neither used, withdrawn nor expired. */
export function stillWorks(now: Date) {
  return and(isNull(oneTimeLinks.usedAt), isNull(oneTimeLinks.withdrawnAt), gt(oneTimeLinks.expiresAt, now));
}

/**
 * Withdraws a person's links that still work, of one purpose or of all (a person deactivated
 * keeps no way in); audited. Returns how many.
 */
export async function withdrawOpenLinks(
  tx: Transaction,
  actor: Actor,
  options: { tenantId: string; userId: string; purpose?: OneTimeLinkPurpose; now: Date },
): Promise<number> {
  const { tenantId, userId, purpose, now } = options;
  const withdrawn = await tx
    .update(oneTimeLinks)
    .set({ withdrawnAt: now })
    .where(
      and(
        eq(oneTimeLinks.tenantId, tenantId),
        eq(oneTimeLinks.userId, userId),
        purpose === undefined ? undefined : eq(oneTimeLinks.purpose, purpose),
        stillWorks(now),
      ),
    )
    .returning({ id: oneTimeLinks.id });
  await recordAuditEvents(
    tx,
    actor,
    withdrawn.map((row) => ({
      entityType: 'one_time_link',
      entityId: row.id,
      operation: 'withdraw',
      changes: { withdrawnAt: [null, now.toISOString()] as [unknown, unknown] },
    })),
  );
  return withdrawn.length;
}

/** What a link's page shows before the person chooses a password. */
export interface LinkDescription {
  purpose: OneTimeLinkPurpose;
  expiresAt: Date;
  user: { name: string; email: string | null };
  tenant: { name: string; slug: string };
}

type LinkRow = Awaited<ReturnType<typeof findLink>>[number];

function findLink(db: Database | Transaction, secret: string, lock: boolean) {
  const query = db
    .select({
      tenantId: oneTimeLinks.tenantId,
      id: oneTimeLinks.id,
      userId: oneTimeLinks.userId,
      purpose: oneTimeLinks.purpose,
      expiresAt: oneTimeLinks.expiresAt,
      usedAt: oneTimeLinks.usedAt,
      withdrawnAt: oneTimeLinks.withdrawnAt,
      userName: users.name,
      userEmail: users.email,
      userDeactivatedAt: users.deactivatedAt,
      tenantName: tenants.name,
      tenantSlug: tenants.slug,
      tenantSuspendedAt: tenants.suspendedAt,
    })
    .from(oneTimeLinks)
    .innerJoin(users, and(eq(users.tenantId, oneTimeLinks.tenantId), eq(users.id, oneTimeLinks.userId)))
    .innerJoin(tenants, eq(tenants.id, oneTimeLinks.tenantId))
    .where(eq(oneTimeLinks.secretHash, hashSecret(secret)));
  // Stryker disable next-line ObjectLiteral: equivalent in outcome, without `of` the joined person and tenant rows are locked too, which only makes a second use wait longer
  return lock ? query.for('update', { of: oneTimeLinks }) : query;
}

/**
 * The link is usable now, or the reason it is not: unknown (404), used, withdrawn or expired
 * (410 with `reason`), its person deactivated or its tenant suspended (403).
 */
function assertUsable(link: LinkRow | undefined, now: Date): asserts link is LinkRow {
  if (!link)
    throw new AppError(
      'not_found',
      localize((m) => m.links.unknown),
    );
  if (link.usedAt !== null)
    throw new AppError(
      'gone',
      localize((m) => m.links.used),
      [],
      { reason: 'used' },
    );
  if (link.withdrawnAt !== null)
    throw new AppError(
      'gone',
      localize((m) => m.links.withdrawn),
      [],
      { reason: 'withdrawn' },
    );
  if (link.expiresAt.getTime() <= now.getTime())
    throw new AppError(
      'gone',
      localize((m) => m.links.expired),
      [],
      { reason: 'expired' },
    );
  if (link.userDeactivatedAt !== null)
    throw new AppError(
      'forbidden',
      localize((m) => m.auth.deactivated),
    );
  if (link.tenantSuspendedAt !== null)
    throw new AppError(
      'forbidden',
      localize((m) => m.auth.tenantSuspended),
    );
}

/** Who a link is for and until when it is valid, without using it; refuses a link that cannot be used. */
export async function describeOneTimeLink(db: Database, secret: string, now: Date): Promise<LinkDescription> {
  // Stryker disable next-line BooleanLiteral: equivalent, a lock taken outside a transaction ends with its own statement
  const [link] = await findLink(db, secret, false);
  assertUsable(link, now);
  return {
    purpose: link.purpose,
    expiresAt: link.expiresAt,
    user: { name: link.userName, email: link.userEmail },
    tenant: { name: link.tenantName, slug: link.tenantSlug },
  };
}

/**
 * Uses a link: sets the person's password and marks the link used, in one transaction with the
 * link's row locked, so that two tabs posting the same link at once set one password, not two.
 * Every session the person had ends (whoever knew the old password is out). Returns the person.
 */
export async function setPasswordWithLink(
  db: Database,
  options: { secret: string; password: string; now: Date },
): Promise<{ tenantId: string; userId: string }> {
  // Hashed before the transaction: argon2 takes a while, and the row lock need not wait for it.
  const passwordHash = await hash(options.password);
  return db.transaction(async (tx) => {
    // Stryker disable next-line BooleanLiteral: this lock makes two tabs set one password; PGlite runs one transaction at a time, so the PostgreSQL run of the two-tabs test in tenants.test.ts is what tells
    const [link] = await findLink(tx, options.secret, true);
    assertUsable(link, options.now);
    const actor: Actor = { kind: 'user', tenantId: link.tenantId, userId: link.userId };
    const [person] = await tx
      .select()
      .from(users)
      .where(and(eq(users.tenantId, link.tenantId), eq(users.id, link.userId)))
      .for('update');
    // Stryker disable ArrowFunction: unreachable, the person's row is locked just above, so its version cannot be stale and no conflict is presented
    await updateAudited(
      tx,
      users,
      { current: person!, expectedVersion: person!.version, values: { passwordHash }, present: () => null },
      { actor, entityType: 'user', unitId: null },
    );
    // Stryker restore ArrowFunction
    await tx
      .update(oneTimeLinks)
      .set({ usedAt: options.now })
      .where(and(eq(oneTimeLinks.tenantId, link.tenantId), eq(oneTimeLinks.id, link.id)));
    await recordAuditEvents(tx, actor, [
      {
        entityType: 'one_time_link',
        entityId: link.id,
        operation: 'use',
        changes: { usedAt: [null, options.now.toISOString()] },
      },
    ]);
    await revokeSessionsOf(tx, { tenantId: link.tenantId, userId: link.userId });
    return { tenantId: link.tenantId, userId: link.userId };
  });
}
