import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { scimTokens } from '../../db/schema/directory.ts';
import { AppError } from '../../errors.ts';

export interface RevokeScimTokenOptions {
  scimTokenId: string;
}

/**
 * Revokes a SCIM token at once (tenant administrator): the directory's next request gets 401.
 * Kept, never deleted; revoking one already revoked changes nothing.
 */
export async function revokeScimToken(tx: Transaction, access: Access, { scimTokenId }: RevokeScimTokenOptions) {
  const [current] = await tx
    .select()
    .from(scimTokens)
    .where(and(eq(scimTokens.tenantId, access.tenantId), eq(scimTokens.id, scimTokenId)));
  if (!current) throw new AppError('not_found');
  access.assertTenantAdministrator();
  if (current.revokedAt) return current;
  const now = access.clock.now();
  const [revoked] = await tx
    .update(scimTokens)
    .set({ revokedAt: now })
    .where(and(eq(scimTokens.tenantId, access.tenantId), eq(scimTokens.id, scimTokenId)))
    .returning();
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: 'scim_token',
      entityId: scimTokenId,
      operation: 'revoke',
      unitId: null,
      changes: { revokedAt: [null, now.toISOString()] },
    },
  ]);
  return revoked!;
}
