import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { scimTokens } from '../db/schema/directory.ts';
import { tenants } from '../db/schema/tenants.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** Every SCIM token starts with this, so that secret scanners and people tell it from an API token. */
export const SCIM_TOKEN_PREFIX = 'scim_';

/** A new SCIM token's secret and what is stored of it. */
export function newScimTokenSecret(): { token: string; secretHash: string; prefix: string } {
  const token = `${SCIM_TOKEN_PREFIX}${newSecret()}`;
  return { token, secretHash: hashSecret(token), prefix: token.slice(0, SCIM_TOKEN_PREFIX.length + 6) };
}

/** What a bearer secret names: the live token and whether its tenant is suspended. */
export interface FoundScimToken {
  tenantId: string;
  id: string;
  tenantSuspended: boolean;
}

/**
 * The unrevoked SCIM token a bearer secret names, or null (unknown or revoked). A suspended
 * tenant's token is still found, so that the caller can answer 403 rather than 401. "Last used"
 * is written at most once a minute, and only for a tenant that is not suspended.
 */
export async function findScimToken(db: Database, token: string, now: Date): Promise<FoundScimToken | null> {
  if (!token.startsWith(SCIM_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({
      tenantId: scimTokens.tenantId,
      id: scimTokens.id,
      lastUsedAt: scimTokens.lastUsedAt,
      suspendedAt: tenants.suspendedAt,
    })
    .from(scimTokens)
    .innerJoin(tenants, eq(tenants.id, scimTokens.tenantId))
    .where(and(eq(scimTokens.secretHash, hashSecret(token)), isNull(scimTokens.revokedAt)));
  if (!row) return null;
  const tenantSuspended = row.suspendedAt !== null;
  const staleBefore = new Date(now.getTime() - 60_000);
  if (!tenantSuspended && (row.lastUsedAt === null || row.lastUsedAt < staleBefore)) {
    const notUsedLately = or(isNull(scimTokens.lastUsedAt), lt(scimTokens.lastUsedAt, staleBefore)) ?? sql`true`;
    await db
      .update(scimTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(scimTokens.tenantId, row.tenantId), eq(scimTokens.id, row.id), notUsedLately));
  }
  return { tenantId: row.tenantId, id: row.id, tenantSuspended };
}
