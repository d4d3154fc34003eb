import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { apiTokenListQuery } from '../../../domain/contracts/api-tokens.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { apiTokens } from '../../db/schema/api-tokens.ts';

/** A page of the tenant's API tokens, newest first, the revoked ones only if asked (tenant administrator). */
export async function listApiTokens(db: Database, access: Access, query: z.infer<typeof apiTokenListQuery>) {
  access.assertTenantAdministrator();
  const rows = await db
    .select({ token: apiTokens, total: sql<number>`count(*) over ()` })
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, access.tenantId), query.includeRevoked ? undefined : isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.token), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
