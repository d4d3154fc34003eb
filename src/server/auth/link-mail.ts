import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transaction } from '../db/client.ts';
import { queueMessages } from '../mail/outbox.ts';
import { messagesIn } from '../messages/messages.ts';
import { oneTimeLinkUrl } from './one-time-links.ts';
import { derivedLinkSecret } from './secrets.ts';

/**
 * Links that travel by e-mail (decision 0010). Their secret is not random but derived from the
 * server key and the link's id, so the outbox holds a placeholder naming the link, never the
 * link: the sender fills it in at the moment it hands the message to the mail server. A copy
 * of the database alone opens nothing, and the Utkorg shows that a link was sent, not the link.
 */

/** How a server delivers links by mail: the key their secrets come from, and where they lead. */
export interface LinkMail {
  /** The server key; null when none is configured (links are then shown once, never mailed). */
  key: Buffer | null;
  /** The address people open Uppsikt at; every link starts with it. */
  publicUrl: string;
  /** Whether messages leave the outbox by SMTP; without, a link is shown to whoever issued it. */
  smtp: boolean;
}

/** Links are mailed only when they can be both derived and delivered. */
export function mailsLinks(linkMail: LinkMail): linkMail is LinkMail & { key: Buffer } {
  return linkMail.key !== null && linkMail.smtp;
}

const PLACEHOLDER = /\[\[engångslänk ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]\]/g;

/** What a message body in the outbox says where the link goes. */
export function linkPlaceholder(linkId: string): string {
  return `[[engångslänk ${linkId}]]`;
}

/** A body as it is sent: every placeholder replaced by its link. */
export function fillLinkPlaceholders(body: string, key: Buffer, publicUrl: string): string {
  return body.replace(PLACEHOLDER, (_, linkId: string) => oneTimeLinkUrl(publicUrl, derivedLinkSecret(key, linkId)));
}

/** The file in DATA_DIR that keeps the embedded database's server key. */
export const SERVER_KEY_FILE = 'server-key';

/**
 * The server key: SERVER_KEY from the configuration; for the embedded database without it, a
 * random key kept beside the database (created on the first start, readable by its owner only),
 * so a laptop installation mails links without any setting. With PostgreSQL and no SERVER_KEY,
 * none: several instances must share one key, which only the configuration can give them.
 */
export async function resolveServerKey(config: {
  serverKey: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<Buffer | null> {
  if (config.serverKey !== undefined) return Buffer.from(config.serverKey, 'utf8');
  if (config.databaseUrl !== undefined) return null;
  const file = join(config.dataDir, SERVER_KEY_FILE);
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(config.dataDir, { recursive: true });
  // 'wx': two instances starting at once do not overwrite each other's key.
  try {
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  }
}

/** The moment a link stops working, as its reader writes dates: "22 juni 2026 12:00". */
function expiryText(date: Date, locale: 'sv' | 'en') {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
}

/**
 * Writes the e-mail that brings a person their link, in their language, to the outbox in the
 * caller's transaction. The body holds the link's placeholder; the sender fills it in.
 */
export async function queueLinkMail(
  tx: Transaction,
  message: {
    tenantId: string;
    tenantName: string;
    person: { id: string; name: string; email: string; locale: 'sv' | 'en' };
    link: { id: string; expiresAt: Date };
    purpose: 'invitation' | 'password_reset';
    /** Who invites, for an invitation. */
    invitedBy?: string;
  },
): Promise<void> {
  const words = messagesIn(message.person.locale).linkMail;
  const expires = expiryText(message.link.expiresAt, message.person.locale);
  const lines =
    message.purpose === 'invitation'
      ? [
          words.greeting(message.person.name),
          '',
          words.invited(message.tenantName, message.invitedBy ?? message.tenantName),
          words.chooseWithin(expires),
          '',
          linkPlaceholder(message.link.id),
        ]
      : [
          words.greeting(message.person.name),
          '',
          words.resetAsked(message.tenantName),
          words.resetWithin(expires),
          '',
          linkPlaceholder(message.link.id),
          '',
          words.notYou,
        ];
  await queueMessages(tx, [
    {
      tenantId: message.tenantId,
      kind: message.purpose,
      dedupeKey: `${message.purpose}:${message.link.id}`,
      userId: message.person.id,
      toAddress: message.person.email,
      subject: message.purpose === 'invitation' ? words.invitationSubject(message.tenantName) : words.resetSubject,
      body: lines.join('\n'),
    },
  ]);
}
