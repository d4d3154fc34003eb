import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { apiTokens, type ApiTokenAccess } from '../db/schema/api-tokens.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** Every API token starts with this, so that secret scanners and people recognise it. */
export const API_TOKEN_PREFIX = 'upt_';

/** A new token's secret and what is stored of it. */
export function newApiTokenSecret(): { token: string; secretHash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  return { token, secretHash: hashSecret(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

/** The live token a bearer secret names, or null: unknown, revoked, its person deactivated or its tenant suspended. */
export async function findApiToken(
  db: Database,
  token: string,
  now: Date,
): Promise<{ tenantId: string; id: string; userId: string; access: ApiTokenAccess } | null> {
  // Stryker disable next-line ConditionalExpression: a shortcut only; a secret without the prefix has no stored hash, so the lookup below finds nothing either.
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({
      tenantId: apiTokens.tenantId,
      id: apiTokens.id,
      userId: apiTokens.userId,
      access: apiTokens.access,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.tenantId, apiTokens.tenantId), eq(users.id, apiTokens.userId)))
    .innerJoin(tenants, eq(tenants.id, apiTokens.tenantId))
    .where(
      and(
        eq(apiTokens.secretHash, hashSecret(token)),
        isNull(apiTokens.revokedAt),
        isNull(users.deactivatedAt),
        isNull(tenants.suspendedAt),
      ),
    );
  if (!row) return null;
  // "Last used" to the minute is enough; it spares a write on every request of a busy integration.
  const staleBefore = new Date(now.getTime() - 60_000);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: spares a write only; the update's own where clause (lt staleBefore) decides what is written.
  if (row.lastUsedAt === null || row.lastUsedAt < staleBefore) {
    // Stryker disable next-line LogicalOperator,StringLiteral: equivalent, or() of two conditions is never undefined; the fallback only satisfies its type
    const notUsedLately = or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore)) ?? sql`true`;
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.tenantId, row.tenantId), eq(apiTokens.id, row.id), notUsedLately));
  }
  return { tenantId: row.tenantId, id: row.id, userId: row.userId, access: row.access };
}
