import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { apiTokenCreate } from '../../../domain/contracts/api-tokens.ts';
import type { Access } from '../../access/access.ts';
import { creationChanges, recordAuditEvents } from '../../audit/record-audit-events.ts';
import { newApiTokenSecret } from '../../auth/api-token-secrets.ts';
import type { Transaction } from '../../db/client.ts';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** The new token: its name, its access, and the person it acts as (by default the caller). */
export type CreateApiTokenOptions = z.infer<typeof apiTokenCreate>;

/**
 * Creates an API token for an active person of the tenant (tenant administrator). Returns the
 * stored row, which holds only the secret's hash, and the secret itself, to be shown once.
 */
export async function createApiToken(tx: Transaction, access: Access, options: CreateApiTokenOptions) {
  access.assertTenantAdministrator();
  const { token, secretHash, prefix } = newApiTokenSecret();
  const userId = options.userId ?? access.userId;
  const [person] = await tx
    .select({ id: users.id, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(eq(users.tenantId, access.tenantId), eq(users.id, userId)));
  if (!person || person.deactivatedAt)
    throw new AppError('validation_failed', undefined, [
      {
        path: 'userId',
        message: localize((m) => m.apiTokens.personMissingOrDeactivated),
      },
    ]);
  const [created] = await tx
    .insert(apiTokens)
    .values({
      tenantId: access.tenantId,
      name: options.name,
      userId,
      access: options.access,
      secretHash,
      prefix,
      createdById: access.userId,
    })
    .returning();
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: 'api_token',
      entityId: created!.id,
      operation: 'create',
      unitId: null,
      changes: creationChanges(created!),
    },
  ]);
  return { row: created!, token };
}
