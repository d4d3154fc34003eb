import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { outboxMessage, type outboxQuery } from '../../../domain/contracts/outbox.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { outboxMessages } from '../../db/schema/outbox-messages.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** The tenant's e-mail, newest first, for the tenant administrator: what went out and, without SMTP, what would have. */
export async function listOutboxMessages(db: Database, access: Access, { kind, limit }: z.infer<typeof outboxQuery>) {
  if (!access.isTenantAdministrator)
    throw new AppError(
      'forbidden',
      localize((m) => m.outbox.tenantAdministratorOnly),
    );
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.tenantId, access.tenantId), kind ? eq(outboxMessages.kind, kind) : undefined))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit);
  return rows.map((row) =>
    outboxMessage.parse({ ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null }),
  );
}
