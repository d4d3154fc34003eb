import { hash } from '@node-rs/argon2';
import type { z } from 'zod';
import type { userCreate } from '../../../domain/contracts/users.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { assertEmailFree } from './user-rules.ts';

/** Who the new person is: the request's fields (name, e-mail address, title, a password if they are to sign in …). */
export type CreateUserOptions = z.infer<typeof userCreate>;

/** Adds a person to the tenant (tenant administrator); only the hash of a given password is kept. */
export async function createUser(tx: Transaction, access: Access, options: CreateUserOptions) {
  access.assertTenantAdministrator();
  await assertEmailFree(tx, access.tenantId, options.email);
  const { password, ...values } = options;
  return insertAudited(
    tx,
    users,
    { ...values, passwordHash: password ? await hash(password) : null, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'user', unitId: null },
  );
}
