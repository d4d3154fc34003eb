import { hash } from '@node-rs/argon2';
import type { z } from 'zod';
import type { userUpdate } from '../../../domain/contracts/users.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import { revokeSessionsOf } from '../../auth/sessions.ts';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { findUser } from './find-user.ts';
import { presentUser } from './present.ts';
import { assertBreakGlassAllowed, assertEmailFree } from './user-rules.ts';

export interface UpdateUserOptions {
  userId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. A password of null takes the password away. */
  changes: Omit<z.infer<typeof userUpdate>, 'version'>;
}

/** Changes a person (tenant administrator); a new password signs them out everywhere. Marking break-glass is audited like any change. */
export async function updateUser(tx: Transaction, access: Access, { userId, version, changes }: UpdateUserOptions) {
  const current = await findUser(tx, access, { userId });
  access.assertTenantAdministrator();
  await assertEmailFree(tx, access.tenantId, changes.email, userId);
  await assertBreakGlassAllowed(tx, access.tenantId, current, changes.breakGlass);
  const { password, ...values } = changes;
  const passwordHash = password === undefined ? undefined : password === null ? null : await hash(password);
  // Whoever knew the old password is signed out: every session of the person ends (but the
  // administrator's own, when they set their own password here).
  if (password !== undefined)
    await revokeSessionsOf(
      tx,
      { tenantId: access.tenantId, userId },
      userId === access.userId ? access.principal.sessionId : undefined,
    );
  // A new hash always differs from the old one, so a password change is always audited (redacted).
  return updateAudited(
    tx,
    users,
    { current, expectedVersion: version, values: { ...values, passwordHash }, present: presentUser },
    { actor: access.actor, entityType: 'user', unitId: null },
  );
}
