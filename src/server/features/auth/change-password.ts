import { hash, verify } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { passwordChange } from '../../../domain/contracts/auth.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { SignInLimits } from '../../auth/auth-settings.ts';
import { revokeSessionsOf } from '../../auth/sessions.ts';
import { releaseSignInAttempt, reserveSignInAttempt } from '../../auth/sign-in.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** The current and the new password, and what the guess of the current one is counted against. */
export type ChangePasswordOptions = z.infer<typeof passwordChange> & {
  /** The client's IP address, or null when unknown. */
  clientAddress: string | null;
  /** The sign-in limits, which guessing the current password is held to. */
  limits: SignInLimits;
  /** The moment of the attempt. */
  now: Date;
};

/**
 * Changes the signed-in person's own password (only in the browser, never with an API token).
 * The current password is checked under the sign-in limits, and outside the write's
 * transaction so that a failed guess stays counted; the new hash is written and the person's
 * other sessions end in one transaction, this one stays signed in.
 */
export async function changePassword(
  db: Database,
  access: Access,
  { currentPassword, newPassword, clientAddress, limits, now }: ChangePasswordOptions,
) {
  if (access.principal.via !== 'session') {
    throw new AppError(
      'forbidden',
      localize((m) => m.auth.passwordOnlyInBrowser),
    );
  }
  const [person] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, access.tenantId), eq(users.id, access.userId)));
  if (!person?.passwordHash) {
    throw new AppError(
      'forbidden',
      localize((m) => m.auth.noPasswordToChange),
    );
  }
  // Guessing the current password is held to the sign-in limits, as guessing it at sign-in is.
  const reservationId = await reserveSignInAttempt(
    db,
    { email: (person.email ?? `user:${person.id}`).toLowerCase(), clientAddress },
    limits,
    now,
  );
  if (!(await verify(person.passwordHash, currentPassword))) {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'currentPassword',
        message: localize((m) => m.auth.notCurrentPassword),
      },
    ]);
  }
  await releaseSignInAttempt(db, reservationId);
  if (newPassword === currentPassword) {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'newPassword',
        message: localize((m) => m.auth.samePassword),
      },
    ]);
  }
  const passwordHash = await hash(newPassword);
  await db.transaction(async (tx) => {
    await updateAudited(
      tx,
      users,
      { current: person, expectedVersion: person.version, values: { passwordHash }, present: () => null },
      { actor: access.actor, entityType: 'user', unitId: null },
    );
    // Whoever knew the old password is signed out everywhere else.
    await revokeSessionsOf(tx, { tenantId: access.tenantId, userId: access.userId }, access.principal.sessionId);
  });
}
