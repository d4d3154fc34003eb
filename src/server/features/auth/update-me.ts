import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { meUpdate } from '../../../domain/contracts/auth.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';

/** What a person shows of themselves in a conflict: the fields they can change here, and the version. */
function presentOwnProfile(row: Record<string, unknown>) {
  return { name: row.name, title: row.title, locale: row.locale, version: row.version };
}

/**
 * Changes the signed-in person's own name, title and language; anyone signed in may, for
 * themselves only (not with a read-only API token). A stale version is refused with 409 and the profile as it is now.
 */
export async function updateMe(
  db: Database,
  access: Access,
  { version, changes }: { version: number; changes: Omit<z.infer<typeof meUpdate>, 'version'> },
): Promise<void> {
  access.assertMayWrite();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(users)
      .where(and(eq(users.tenantId, access.tenantId), eq(users.id, access.userId)))
      .for('update');
    await updateAudited(
      tx,
      users,
      { current: current!, expectedVersion: version, values: changes, present: presentOwnProfile },
      { actor: access.actor, entityType: 'user', unitId: null },
    );
  });
}
