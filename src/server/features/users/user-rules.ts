import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { breakGlassAdministrators, isTenantAdministrator } from '../../auth/sign-in-policy.ts';
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

/**
 * Only an administrator of the whole organisation is made a break-glass administrator (who else
 * could turn the SSO requirement off again), and while the tenant requires SSO the last one
 * stays marked, or nobody could sign in when the identity provider fails.
 */
export async function assertBreakGlassAllowed(
  tx: Transaction,
  tenantId: string,
  current: { id: string; breakGlass: boolean },
  breakGlass: boolean | undefined,
) {
  if (breakGlass === undefined || breakGlass === current.breakGlass) return;
  if (breakGlass && !(await isTenantAdministrator(tx, { tenantId, userId: current.id }))) {
    throw new AppError('validation_failed', undefined, [
      { path: 'breakGlass', message: localize((m) => m.tenantSettings.breakGlassNeedsAdministrator) },
    ]);
  }
  if (!breakGlass) {
    const [tenant] = await tx.select({ requireSso: tenants.requireSso }).from(tenants).where(eq(tenants.id, tenantId));
    const others = (await breakGlassAdministrators(tx, tenantId)).filter((id) => id !== current.id);
    if (tenant?.requireSso && others.length === 0) {
      throw new AppError('validation_failed', undefined, [
        { path: 'breakGlass', message: localize((m) => m.tenantSettings.ssoNeedsBreakGlass) },
      ]);
    }
  }
}
