import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { mailsLinks, queueLinkMail, type LinkMail } from '../../auth/link-mail.ts';
import { issueOneTimeLink, oneTimeLinkUrl, stillWorks, withdrawOpenLinks } from '../../auth/one-time-links.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { oneTimeLinks } from '../../db/schema/one-time-links.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findUser } from './find-user.ts';

/**
 * Invites a person (tenant administrator): a one-time link, valid a week, with which they choose
 * their password. Inviting again sends a new link and withdraws the older one. With SMTP and a
 * server key the link goes by mail and nobody else sees it; otherwise it is returned once, for
 * the administrator to pass on.
 */
export async function inviteUser(tx: Transaction, access: Access, options: { userId: string; linkMail: LinkMail }) {
  access.assertTenantAdministrator();
  const person = await findUser(tx, access, { userId: options.userId });
  if (person.deactivatedAt !== null)
    throw new AppError('validation_failed', undefined, [
      { path: 'id', message: localize((m) => m.linkMail.deactivated) },
    ]);
  if (!person.email)
    throw new AppError('validation_failed', undefined, [
      { path: 'email', message: localize((m) => m.linkMail.noAddress) },
    ]);
  const mailed = mailsLinks(options.linkMail);
  const link = await issueOneTimeLink(tx, access.actor, {
    tenantId: access.tenantId,
    userId: person.id,
    purpose: 'invitation',
    now: access.clock.now(),
    createdById: access.userId,
    derivedFrom: mailed ? options.linkMail.key! : undefined,
  });
  if (mailed) {
    const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, access.tenantId));
    const [inviter] = await tx
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.tenantId, access.tenantId), eq(users.id, access.userId)));
    await queueLinkMail(tx, {
      tenantId: access.tenantId,
      tenantName: tenant!.name,
      person: { id: person.id, name: person.name, email: person.email, locale: person.locale },
      link,
      purpose: 'invitation',
      invitedBy: inviter?.name,
    });
  }
  return {
    userId: person.id,
    expiresAt: link.expiresAt.toISOString(),
    mailed,
    link: mailed ? null : oneTimeLinkUrl(options.linkMail.publicUrl, link.secret),
  };
}

function openInvitation(tenantId: string, now: Date) {
  return and(eq(oneTimeLinks.tenantId, tenantId), eq(oneTimeLinks.purpose, 'invitation'), stillWorks(now));
}

/** Withdraws a person's invitation whose link still works (tenant administrator); audited. */
export async function withdrawInvitation(tx: Transaction, access: Access, options: { userId: string }) {
  access.assertTenantAdministrator();
  const person = await findUser(tx, access, { userId: options.userId });
  return withdrawOpenLinks(tx, access.actor, {
    tenantId: access.tenantId,
    userId: person.id,
    purpose: 'invitation',
    now: access.clock.now(),
  });
}

/** The tenant's invitations whose links still work, newest first (tenant administrator). */
export async function listOpenInvitations(db: Database, access: Access) {
  access.assertTenantAdministrator();
  const rows = await db
    .select({ userId: oneTimeLinks.userId, createdAt: oneTimeLinks.createdAt, expiresAt: oneTimeLinks.expiresAt })
    .from(oneTimeLinks)
    .where(openInvitation(access.tenantId, access.clock.now()));
  return rows
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() }));
}
