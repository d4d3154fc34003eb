import { and, eq, sql } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { AppError } from '../../errors.ts';

export interface RevokeApiTokenOptions {
  apiTokenId: string;
}

/** Revokes an API token at once (tenant administrator); kept, never deleted. Revoking one already revoked changes nothing. */
export async function revokeApiToken(tx: Transaction, access: Access, { apiTokenId }: RevokeApiTokenOptions) {
  const [current] = await tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, access.tenantId), eq(apiTokens.id, apiTokenId)));
  if (!current) throw new AppError('not_found');
  access.assertTenantAdministrator();
  if (current.revokedAt) return current;
  const [revoked] = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.tenantId, access.tenantId), eq(apiTokens.id, apiTokenId)))
    .returning();
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: 'api_token',
      entityId: apiTokenId,
      operation: 'revoke',
      unitId: null,
      changes: { revokedAt: [null, revoked!.revokedAt] },
    },
  ]);
  return revoked!;
}
