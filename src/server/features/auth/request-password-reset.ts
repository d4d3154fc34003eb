import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { mailsLinks, queueLinkMail, type LinkMail } from '../../auth/link-mail.ts';
import { issueOneTimeLink } from '../../auth/one-time-links.ts';
import type { Database } from '../../db/client.ts';
import { oneTimeLinks } from '../../db/schema/one-time-links.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';

/** At most this many new-password mails per account and hour: nobody's mailbox is flooded through Uppsikt. */
export const PASSWORD_RESETS_PER_HOUR = 3;

const HOUR_MS = 60 * 60 * 1000;

/**
 * A person who forgot their password asks for a link by their e-mail address. Every active
 * account of the address (in the named tenant, or in every tenant) gets a link valid for an
 * hour by mail; a newer link withdraws the older. The caller answers the same whatever happened
 * here: whether an address has an account is not given away. Nothing is sent when links cannot
 * be mailed (no SMTP or no server key); an administrator's invitation then gives a new link.
 */
export async function requestPasswordReset(
  db: Database,
  request: { email: string; tenant?: string | undefined },
  now: Date,
  linkMail: LinkMail,
): Promise<number> {
  if (!mailsLinks(linkMail)) return 0;
  const accounts = await db
    .select({
      tenantId: users.tenantId,
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      tenantName: tenants.name,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(
      and(
        sql`lower(${users.email}) = lower(${request.email})`,
        isNull(users.deactivatedAt),
        isNull(tenants.suspendedAt),
        request.tenant === undefined ? undefined : eq(tenants.slug, request.tenant),
      ),
    );
  let sent = 0;
  for (const account of accounts) {
    const mailed = await db.transaction(async (tx) => {
      const [recent] = await tx
        .select({ links: count() })
        .from(oneTimeLinks)
        .where(
          and(
            eq(oneTimeLinks.tenantId, account.tenantId),
            eq(oneTimeLinks.userId, account.id),
            eq(oneTimeLinks.purpose, 'password_reset'),
            gt(oneTimeLinks.createdAt, new Date(now.getTime() - HOUR_MS)),
          ),
        );
      if (recent!.links >= PASSWORD_RESETS_PER_HOUR) return false;
      const link = await issueOneTimeLink(
        tx,
        { kind: 'user', tenantId: account.tenantId, userId: account.id },
        {
          tenantId: account.tenantId,
          userId: account.id,
          purpose: 'password_reset',
          now,
          createdById: null,
          derivedFrom: linkMail.key,
        },
      );
      await queueLinkMail(tx, {
        tenantId: account.tenantId,
        tenantName: account.tenantName,
        person: { id: account.id, name: account.name, email: account.email!, locale: account.locale },
        link,
        purpose: 'password_reset',
      });
      return true;
    });
    if (mailed) sent++;
  }
  return sent;
}
