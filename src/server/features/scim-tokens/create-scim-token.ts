import type { Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import { newScimTokenSecret } from '../../auth/scim-token-secrets.ts';
import type { Transaction } from '../../db/client.ts';
import { scimTokens } from '../../db/schema/directory.ts';

/**
 * Creates a bearer token with which the tenant's directory provisions people and groups over
 * SCIM (tenant administrator). Returns the stored row, which holds only the secret's hash, and
 * the secret itself, to be shown once. Older tokens keep working until revoked, so a directory
 * can be moved to a new token without a gap.
 */
export async function createScimToken(tx: Transaction, access: Access) {
  access.assertTenantAdministrator();
  const { token, secretHash, prefix } = newScimTokenSecret();
  const [created] = await tx
    .insert(scimTokens)
    .values({
      tenantId: access.tenantId,
      secretHash,
      prefix,
      createdById: access.userId,
      createdAt: access.clock.now(),
    })
    .returning();
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: 'scim_token',
      entityId: created!.id,
      operation: 'create',
      unitId: null,
      // The prefix and the creator; neither the secret nor its hash.
      changes: { prefix: [null, created!.prefix], createdById: [null, access.userId] },
    },
  ]);
  return { row: created!, token };
}
