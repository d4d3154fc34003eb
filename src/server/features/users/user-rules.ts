import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** An e-mail address belongs to one person of the tenant (case-insensitively); `exceptId` is the person being changed. */
export async function assertEmailFree(
  tx: Transaction,
  tenantId: string,
  email: string | null | undefined,
  exceptId?: string,
) {
  if (!email) return;
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), sql`lower(${users.email}) = lower(${email})`));
  if (taken && taken.id !== exceptId) {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'email',
        message: localize((m) => m.users.emailInUse),
      },
    ]);
  }
}
