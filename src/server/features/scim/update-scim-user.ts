import type { Transaction } from '../../db/client.ts';
import type { ScimCaller } from './scim-auth.ts';
import { looksLikeEmail, nameFrom, type UserAttributes } from './user-attributes.ts';
import { findScimUser, writeScimUser, type UserValues } from './user-rules.ts';

export interface UpdateScimUserOptions {
  userId: string;
  attributes: UserAttributes;
  /** PUT: the whole resource, so the e-mail address falls back to the userName as on creation. */
  replace: boolean;
}

/**
 * Changes a provisioned person (PATCH or PUT /Users/{id}): the fields the directory sent, and
 * `active` false deactivates them (their sessions end at once), true reactivates them. Never
 * deletes anyone. Returns the person as now.
 */
export async function updateScimUser(tx: Transaction, caller: ScimCaller, options: UpdateScimUserOptions) {
  const current = await findScimUser(tx, caller, options.userId, true);
  const { attributes } = options;
  const values: UserValues = {};
  const name = nameFrom(attributes);
  if (name !== undefined) values.name = name;
  else if (options.replace) values.name = attributes.userName!;
  if (attributes.userName !== undefined) values.scimUserName = attributes.userName;
  if (attributes.externalId !== undefined) values.scimExternalId = attributes.externalId;
  if (attributes.title !== undefined) values.title = attributes.title;
  if (attributes.email !== undefined) values.email = attributes.email;
  if (options.replace && values.email === null && looksLikeEmail(attributes.userName!))
    values.email = attributes.userName!.toLowerCase();
  return writeScimUser(tx, caller, current, values, attributes.active);
}
