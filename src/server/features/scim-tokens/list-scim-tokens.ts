import { desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { scimTokenListQuery } from '../../../domain/contracts/scim.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { scimTokens } from '../../db/schema/directory.ts';

/** A page of the tenant's SCIM tokens, newest first, revoked ones included (tenant administrator). */
export async function listScimTokens(db: Database, access: Access, query: z.infer<typeof scimTokenListQuery>) {
  access.assertTenantAdministrator();
  const rows = await db
    .select({ token: scimTokens, total: sql<number>`count(*) over ()` })
    .from(scimTokens)
    .where(eq(scimTokens.tenantId, access.tenantId))
    .orderBy(desc(scimTokens.createdAt), desc(scimTokens.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.token), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
